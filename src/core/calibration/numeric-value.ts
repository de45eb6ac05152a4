import { isMissingValue, type FieldValue } from '../read-lead-field';

/** The number a predicate would compare for this value, as `gte`/`lt` read it; null when none. */
export function numericValue(value: FieldValue): number | null {
  if (isMissingValue(value) || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const n = Number((value as string).trim());
  return Number.isFinite(n) ? n : null;
}
