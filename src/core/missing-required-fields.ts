import type { Lead } from './lead';
import { isMissingValue, readLeadField } from './read-lead-field';

/** Required fields the lead has no value for (null or blank), in the definition's order. */
export function missingRequiredFields(lead: Lead, requiredFields: readonly string[]): string[] {
  return requiredFields.filter((field) => isMissingValue(readLeadField(lead, field)));
}
