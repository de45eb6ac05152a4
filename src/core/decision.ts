import type { CrmKind } from './lead';
import type { EscalationAction } from './sla-policy-schema';
import type { SlaState } from './sla-state';
import type { Stage } from './stage';

export type ReasonKind = 'fit' | 'intent' | 'contact' | 'disqualifier';

/** One line of the score's explanation. Points of all reasons add up exactly to the score. */
export interface Reason {
  criterionId: string;
  label: string;
  kind: ReasonKind;
  met: boolean;
  points: number;
  /** The lead's value that decided it, in words ("title: VP Sales"). */
  evidence: string;
}

export type SlaTier = 'hot' | 'standard';

export interface RoutingOutcome {
  ownerId: string | null;
  poolId: string | null;
  /** How routing decided, in words ("territory West, round robin: Maria Lopez"). */
  explanation: string;
}

/** One SLA escalation while the lead was with sales. */
export interface SlaEscalation {
  /** The due time that passed. */
  breachedAt: string;
  escalatedAt: string;
  action: EscalationAction;
  fromOwnerId: string | null;
  /** The new owner; null when the escalation only alerted. */
  toOwnerId: string | null;
  /** Why it only alerted when the policy meant to move the lead ("nobody else available in pool East"). */
  note: string | null;
}

/** The rep's rejection as first seen, so the feedback is recorded once, not on every re-score. */
export interface RejectionFact {
  reason: string;
  note: string | null;
  rejectedAt: string;
}

/**
 * Optional fields were added after the first release and are missing from decisions stored before
 * them; decide() always sets `acceptedAt`, `rejection` and `escalations` (read them through
 * `decisionExtras`, which reads a missing one as none).
 */
export interface Decision {
  crm: CrmKind;
  tenantId: string;
  recordId: string;
  score: number;
  fitScore: number;
  intentScore: number;
  stage: Stage;
  ownerId: string | null;
  routing: RoutingOutcome | null;
  autoAccepted: boolean;
  reasons: Reason[];
  disqualifiedBy: string[];
  missingFields: string[];
  why: string;
  definitionVersion: number;
  slaTier: SlaTier | null;
  slaDueAt: string | null;
  routedAt: string | null;
  /** When sales first touched the lead (it became `sql`); null while nobody has. */
  acceptedAt?: string | null;
  rejection?: RejectionFact | null;
  /** Escalations since the lead went to sales, oldest first; emptied when it leaves sales. */
  escalations?: SlaEscalation[];
  /** The SLA state as last written to the record, set by the worker and the SLA sweep (not by decide). */
  slaState?: SlaState | null;
  decidedAt: string;
  /** The `inputDigest` of the lead this decision was made from, when its adapter provides one. */
  inputDigest?: string;
}
