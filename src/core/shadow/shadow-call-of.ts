import { probabilityOf } from '../calibration/probability-of';
import type { Decision } from '../decision';
import { decisionExtras } from '../decision-extras';
import type { Definition } from '../definition';
import type { ShadowCall } from './shadow-run';

/**
 * A decision is the definition's own call unless sales already had their say: an accepted lead is
 * `sql` and a rejected one goes back to nurture whatever the definition thinks, so neither says
 * anything about the definition.
 */
export function isOwnCall(decision: Decision): boolean {
  return decision.stage !== 'sql' && decisionExtras(decision).rejection === null;
}

export function shadowCallOf(decision: Decision, definition: Definition): ShadowCall {
  return { score: decision.score, stage: decision.stage, probability: probabilityOf(decision.score, definition), why: decision.why };
}
