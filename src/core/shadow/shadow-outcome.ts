import type { Decision } from '../decision';
import { decisionExtras } from '../decision-extras';

/** What happened to a lead after the calls were made, as far as the store knows. */
export type ShadowOutcome = 'won' | 'accepted' | 'rejected';

export interface OutcomeEvidence {
  /** The lead's latest live decision: sales' acceptance (`sql`) or rejection shows here. */
  latest: Decision | undefined;
  /** A rejection recorded as feedback since the run started (the card API records it before the worker re-decides). */
  rejectedSinceStart: boolean;
  /** The CRM says the lead became a customer (lead facts). */
  won: boolean;
}

/**
 * Won beats everything; a rejection on the latest decision beats an older acceptance (a rejected lead
 * leaves sales); an accepted latest decision beats older feedback (the lead came back and was taken).
 * Null while sales has not had their say.
 */
export function shadowOutcomeOf({ latest, rejectedSinceStart, won }: OutcomeEvidence): ShadowOutcome | null {
  if (won) return 'won';
  const extras = latest === undefined ? null : decisionExtras(latest);
  if (extras?.rejection) return 'rejected';
  if (latest?.stage === 'sql' || extras?.acceptedAt) return 'accepted';
  return rejectedSinceStart ? 'rejected' : null;
}
