import type { CrmKind } from './lead';
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
  decidedAt: string;
}
