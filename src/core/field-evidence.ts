import { clip } from './clip';
import type { Lead } from './lead';
import type { Predicate } from './predicate';
import { predicateFields } from './predicate-fields';
import { readLeadField, type FieldValue } from './read-lead-field';

const maxValueLength = 60;

/** The lead's values behind a predicate, in words: "title: VP Sales, employees: 120". */
export function fieldEvidence(predicate: Predicate, lead: Lead): string {
  return predicateFields(predicate)
    .map((field) => `${field}: ${displayValue(readLeadField(lead, field))}`)
    .join(', ');
}

function displayValue(value: FieldValue): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return clip(String(value).trim(), maxValueLength);
}
