import type { Feature } from './feature';

/**
 * One band per category value seen at least `minRows` times (the most common spelling names it),
 * one "other" band for the rare ones, and the unknown band. Values compare trimmed and
 * case-insensitively, as predicates compare them.
 */
export function categoryFeature(field: string, name: string, values: readonly string[], minRows: number): Feature {
  const counts = new Map<string, Map<string, number>>();
  for (const value of values) {
    const key = value.trim().toLowerCase();
    const spellings = counts.get(key) ?? new Map<string, number>();
    spellings.set(value.trim(), (spellings.get(value.trim()) ?? 0) + 1);
    counts.set(key, spellings);
  }
  const kept: Array<{ spelling: string; count: number }> = [];
  for (const spellings of counts.values()) {
    let count = 0;
    let spelling = '';
    let best = -1;
    for (const [text, c] of spellings) {
      count += c;
      if (c > best) {
        best = c;
        spelling = text;
      }
    }
    if (count >= minRows) kept.push({ spelling, count });
  }
  kept.sort((a, b) => b.count - a.count || (a.spelling < b.spelling ? -1 : 1));
  const bands: Feature['bands'] = kept.map(({ spelling }) => ({ type: 'value', value: spelling }));
  // Always there, even with no rare value yet: a value first seen after learning lands here.
  bands.push({ type: 'other' });
  bands.push({ type: 'missing' });
  return { field, name, kind: 'category', bands };
}
