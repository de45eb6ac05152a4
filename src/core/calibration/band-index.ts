import { compilePredicate } from '../compile-predicate';
import type { Lead } from '../lead';
import { emptyPredicateLists } from '../predicate-lists';
import { bandPredicate } from './band-predicate';
import type { Feature } from './feature';

/**
 * Which band of the feature each lead falls in (-1 for none, e.g. text in a numeric field).
 * Evaluated with the same predicates the definition will hold, so learning and scoring agree.
 */
export function bandIndex(feature: Feature, leads: readonly Lead[]): Int16Array {
  const tests = feature.bands.map((band) => compilePredicate(bandPredicate(feature, band)));
  const out = new Int16Array(leads.length);
  leads.forEach((lead, i) => {
    out[i] = tests.findIndex((test) => test(lead, emptyPredicateLists));
  });
  return out;
}
