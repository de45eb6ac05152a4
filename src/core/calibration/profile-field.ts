import type { Lead } from '../lead';
import { isMissingValue, readLeadField } from '../read-lead-field';
import { numericValue } from './numeric-value';

export interface FieldProfile {
  field: string;
  name: string;
  /** Rows with a value. */
  present: number;
  rows: number;
  /** Distinct present values (trimmed, case-insensitive). */
  distinct: number;
  /** Share of the most common value among all rows, unknown counted as a value. */
  topShare: number;
  /** True when (almost) every present value is a number and there are enough of them to cut bands. */
  numeric: boolean;
}

/** What a field looks like in the outcome rows: how full, how varied, numeric or not. */
export function profileField(field: string, name: string, leads: readonly Lead[]): FieldProfile {
  const counts = new Map<string, number>();
  let present = 0;
  let numbers = 0;
  let missing = 0;
  for (const lead of leads) {
    const value = readLeadField(lead, field);
    if (isMissingValue(value)) {
      missing++;
      continue;
    }
    present++;
    if (numericValue(value) !== null) numbers++;
    const key = String(value).trim().toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = Math.max(missing, ...counts.values());
  return {
    field,
    name,
    present,
    rows: leads.length,
    distinct: counts.size,
    topShare: leads.length === 0 ? 1 : top / leads.length,
    // Few distinct numbers (0/1 flags, ratings 1–5) read better as categories.
    numeric: present > 0 && numbers >= 0.98 * present && counts.size > 6,
  };
}
