import { compilePredicate } from './compile-predicate';
import type { Lead } from './lead';
import type { Predicate } from './predicate';
import type { PredicateLists } from './predicate-lists';

/** Whether a predicate of the criteria language holds for a lead, given the definition's lists. */
export function evaluatePredicate(predicate: Predicate, lead: Lead, lists: PredicateLists): boolean {
  return compilePredicate(predicate)(lead, lists);
}
