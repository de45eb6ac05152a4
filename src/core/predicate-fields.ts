import type { Predicate } from './predicate';

const cache = new WeakMap<Predicate, readonly string[]>();

/** Every field path a predicate reads, in order of first use: the evidence shown for it. Cached per predicate. */
export function predicateFields(predicate: Predicate): readonly string[] {
  const cached = cache.get(predicate);
  if (cached !== undefined) return cached;
  const fields = new Set<string>();
  const visit = (p: Predicate): void => {
    if ('all' in p) p.all.forEach(visit);
    else if ('any' in p) p.any.forEach(visit);
    else if ('not' in p) visit(p.not);
    else fields.add(p.field);
  };
  visit(predicate);
  const list = [...fields];
  cache.set(predicate, list);
  return list;
}
