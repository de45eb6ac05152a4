import type { Predicate } from '../predicate';
import { namedValues, type Band, type Feature } from './feature';

/** The criteria-language predicate for one band of a feature. */
export function bandPredicate(feature: Feature, band: Band): Predicate {
  const field = feature.field;
  switch (band.type) {
    case 'missing':
      return { field, op: 'missing' };
    case 'value':
      return { field, op: 'eq', value: band.value };
    case 'other': {
      const named = namedValues(feature);
      // `not_in` never holds for a missing value, so "other" stays apart from "unknown".
      return named.length === 0 ? { field, op: 'exists' } : { field, op: 'not_in', value: named };
    }
    case 'range':
      return rangePredicate(field, band.low, band.high);
  }
}

export function rangePredicate(field: string, low: number | null, high: number | null): Predicate {
  if (low === null && high === null) return { all: [{ field, op: 'gte', value: -Number.MAX_VALUE }] };
  if (low === null) return { field, op: 'lt', value: high as number };
  if (high === null) return { field, op: 'gte', value: low };
  return { all: [{ field, op: 'gte', value: low }, { field, op: 'lt', value: high }] };
}
