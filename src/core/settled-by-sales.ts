import type { Decision } from './decision';
import { decisionExtras } from './decision-extras';

/**
 * Sales already made its call on this lead: accepted it (stage sql) or sent it back with a rejection.
 * A newly published definition re-scores open leads only; re-deciding these would overrule the rep.
 */
export function settledBySales(decision: Decision): boolean {
  return decision.stage === 'sql' || decisionExtras(decision).rejection !== null;
}
