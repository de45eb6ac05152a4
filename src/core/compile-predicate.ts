import { comparisonMatcher } from './comparison-matcher';
import type { Lead } from './lead';
import type { Predicate } from './predicate';
import type { PredicateLists } from './predicate-lists';
import { fieldReader } from './read-lead-field';

export type CompiledPredicate = (lead: Lead, lists: PredicateLists) => boolean;

const cache = new WeakMap<Predicate, CompiledPredicate>();

/**
 * A predicate turned into nested closures, cached per predicate object: word lists are indexed and
 * field paths resolved once per definition rather than once per lead.
 */
export function compilePredicate(predicate: Predicate): CompiledPredicate {
  let compiled = cache.get(predicate);
  if (compiled === undefined) {
    compiled = build(predicate);
    cache.set(predicate, compiled);
  }
  return compiled;
}

function build(predicate: Predicate): CompiledPredicate {
  if ('all' in predicate) {
    const parts = predicate.all.map(compilePredicate);
    return (lead, lists) => parts.every((part) => part(lead, lists));
  }
  if ('any' in predicate) {
    const parts = predicate.any.map(compilePredicate);
    return (lead, lists) => parts.some((part) => part(lead, lists));
  }
  if ('not' in predicate) {
    const inner = compilePredicate(predicate.not);
    return (lead, lists) => !inner(lead, lists);
  }
  const read = fieldReader(predicate.field);
  const matches = comparisonMatcher(predicate);
  return (lead, lists) => matches(read(lead), lists);
}
