import type { Decision, RejectionFact, SlaEscalation } from './decision';

export interface DecisionExtras {
  acceptedAt: string | null;
  rejection: RejectionFact | null;
  escalations: readonly SlaEscalation[];
}

/** The later-added fields of a decision, with a decision stored before them read as having none. */
export function decisionExtras(decision: Decision): DecisionExtras {
  return { acceptedAt: decision.acceptedAt ?? null, rejection: decision.rejection ?? null, escalations: decision.escalations ?? [] };
}
