import type { Predicate } from '../predicate';
import { bandPredicate, rangePredicate } from './band-predicate';
import { namedValues, type Band, type Feature } from './feature';
import { bandWords, joinOr, rangeWords } from './band-words';

/**
 * One predicate, and its words, for "the lead falls in any of these bands" of a feature: adjacent
 * ranges are merged and category sets are written from whichever side is shorter.
 */
export function unionOfBands(feature: Feature, chosen: readonly Band[]): { when: Predicate; words: string } {
  return feature.kind === 'numeric' ? numericUnion(feature, chosen) : categoryUnion(feature, chosen);
}

function numericUnion(feature: Feature, chosen: readonly Band[]): { when: Predicate; words: string } {
  const ranges = feature.bands.filter((b): b is Extract<Band, { type: 'range' }> => b.type === 'range');
  const chosenSet = new Set(chosen);
  const runs: Array<{ low: number | null; high: number | null }> = [];
  let open: { low: number | null; high: number | null } | null = null;
  for (const range of ranges) {
    if (chosenSet.has(range)) {
      if (open === null) open = { low: range.low, high: range.high };
      else open.high = range.high;
    } else if (open !== null) {
      runs.push(open);
      open = null;
    }
  }
  if (open !== null) runs.push(open);
  const parts: Predicate[] = runs.map((run) => rangePredicate(feature.field, run.low, run.high));
  const words = runs.map((run) => rangeWords(run.low, run.high));
  if (chosen.some((b) => b.type === 'missing')) {
    parts.push({ field: feature.field, op: 'missing' });
    words.push('unknown');
  }
  return { when: parts.length === 1 ? (parts[0] as Predicate) : { any: parts }, words: `${feature.name} ${joinOr(words)}` };
}

function categoryUnion(feature: Feature, chosen: readonly Band[]): { when: Predicate; words: string } {
  const field = feature.field;
  const named = namedValues(feature);
  // In the feature's order, most common first, so a shortened label names the values most leads have.
  const values = named.filter((v) => chosen.some((b) => b.type === 'value' && b.value === v));
  const withOther = chosen.some((b) => b.type === 'other');
  const withMissing = chosen.some((b) => b.type === 'missing');
  const left = named.filter((v) => !values.includes(v));
  if (chosen.length === 1) {
    return { when: bandPredicate(feature, chosen[0] as Band), words: `${feature.name}: ${bandWords(chosen[0] as Band)}` };
  }
  if (withOther) {
    // Everything but the values left out: new categories fall on this side as "other" does.
    const notLeft: Predicate = left.length === 0 ? { field, op: 'exists' } : { field, op: 'not_in', value: left };
    const when: Predicate = withMissing ? (left.length === 0 ? { any: [notLeft, { field, op: 'missing' }] } : { not: { field, op: 'in', value: left } }) : notLeft;
    const except = left.length === 0 ? 'any value' : left.length <= listedValues ? `anything but ${joinOr(left)}` : valueWords(values, true);
    return { when, words: `${feature.name}: ${except}${withMissing ? ', or unknown' : ''}` };
  }
  const inValues: Predicate = { field, op: 'in', value: values };
  if (!withMissing) return { when: inValues, words: `${feature.name}: ${valueWords(values, false)}` };
  if (values.length === 0) return { when: { field, op: 'missing' }, words: `${feature.name}: unknown` };
  return { when: { any: [inValues, { field, op: 'missing' }] }, words: `${feature.name}: ${valueWords(values, false)}, or unknown` };
}

/** Beyond three values a label stops being read: reps see the most common ones and a count. */
const listedValues = 3;

/** "Google, Organic Search or Reference"; "Google, Organic Search or 5 more" (values come most common first). */
function valueWords(values: readonly string[], withOther: boolean): string {
  if (!withOther && values.length <= listedValues) return joinOr(values);
  if (withOther && values.length < listedValues) return joinOr([...values, 'another value']);
  return `${values.slice(0, 2).join(', ')} or ${values.length - 2 + (withOther ? 1 : 0)} more`;
}
