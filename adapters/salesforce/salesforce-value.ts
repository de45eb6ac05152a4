/**
 * Salesforce field values as Accord reads them. REST answers typed JSON (numbers, booleans, null,
 * datetimes as `2024-11-05T16:00:00.000+0000`); outbound messages answer the same values as text
 * (`true`, `300`, `2024-11-05T16:00:00.000Z`). Both read the same through these functions.
 */
export type SalesforceValue = string | number | boolean | null | undefined;

export function salesforceText(value: SalesforceValue | unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? null : value;
}

export function salesforceNumber(value: SalesforceValue | unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

export function salesforceBoolean(value: SalesforceValue | unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

// REST writes the offset without a colon (+0000), which not every date parser accepts.
const compactOffset = /([+-]\d{2})(\d{2})$/;

/** A datetime as an ISO instant in UTC; null when absent or unreadable. */
export function salesforceDatetime(value: SalesforceValue | unknown): string | null {
  const text = salesforceText(value);
  if (text === null) return null;
  const ms = Date.parse(text.trim().replace(compactOffset, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
