import type { SlaTier } from '../core/decision';
import type { Stage } from '../core/stage';
import type { LeadOutcome } from '../store/store';

/** The funnel's steps after "created", in order; reaching one means reaching every step before it. */
export const funnelStages = ['mql', 'sales_ready', 'sql'] as const;
export type FunnelStage = (typeof funnelStages)[number];

/** The first hand-over to sales: the SLA clock the response is measured against. */
export interface Handover {
  routedAt: string;
  slaDueAt: string;
  tier: SlaTier;
  /** Who held the lead when it was handed over: the owner a breach counts against. */
  ownerId: string | null;
  /** When the lead left sales untouched (re-scored back to marketing), which stops the clock. */
  withdrawnAt: string | null;
}

/** One lead's path through the funnel, folded from its decision history and its facts. */
export interface LeadTimeline {
  recordId: string;
  /** The CRM's creation time, else the lead's first decision. */
  createdAt: string;
  source: string | null;
  campaign: string | null;
  country: string | null;
  region: string | null;
  /** The latest decision's stage, score and owner. */
  stage: Stage;
  score: number;
  ownerId: string | null;
  /** Every definition version that decided this lead, ascending. */
  versions: number[];
  /** When the lead first reached each step (or a later one); null when it never did. */
  reachedAt: Record<FunnelStage, string | null>;
  handover: Handover | null;
  /** Sales' first response after the hand-over: accepting the lead or rejecting it. */
  firstTouchAt: string | null;
  rejection: { reason: string; at: string } | null;
  outcome: LeadOutcome | null;
  outcomeAt: string | null;
  amount: number | null;
}
