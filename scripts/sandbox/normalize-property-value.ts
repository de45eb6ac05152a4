import type { PropertyDefinition } from './hubspot-property-definition';

export type NormalizedValue = { ok: true; value: string } | { ok: false; error: string; message: string };

const numberPattern = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Checks one value against its property and returns it the way HubSpot stores and returns it:
 * always a string, datetimes as ISO-8601, dates as YYYY-MM-DD, '' for a cleared value.
 * Owner references are checked by the caller, which knows the owners.
 */
export function normalizePropertyValue(property: PropertyDefinition, raw: unknown): NormalizedValue {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: '' };
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { ok: false, error: 'INVALID_VALUE', message: `${JSON.stringify(raw)} is not a valid value for ${property.name}` };
  }
  const value = String(raw).trim();
  switch (property.type) {
    case 'number':
      return numberPattern.test(value)
        ? { ok: true, value }
        : { ok: false, error: 'INVALID_FLOAT', message: `${value} was not a valid number.` };
    case 'datetime':
      return normalizeDatetime(value);
    case 'date':
      return normalizeDate(value);
    case 'bool':
      return value === 'true' || value === 'false'
        ? { ok: true, value }
        : { ok: false, error: 'INVALID_BOOLEAN', message: `${value} was not a valid boolean (true or false).` };
    case 'enumeration':
      return normalizeOption(property, value);
    case 'string':
      return { ok: true, value: String(raw) };
  }
}

function toEpochMs(value: string): number | null {
  if (/^-?\d+$/.test(value)) return Number(value);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

function normalizeDatetime(value: string): NormalizedValue {
  const ms = toEpochMs(value);
  return ms === null
    ? { ok: false, error: 'INVALID_DATE', message: `${value} is not a valid datetime: use epoch milliseconds or ISO-8601.` }
    : { ok: true, value: new Date(ms).toISOString() };
}

function normalizeDate(value: string): NormalizedValue {
  if (datePattern.test(value)) return { ok: true, value };
  const ms = toEpochMs(value);
  // HubSpot date properties only take midnight UTC.
  if (ms === null || ms % dayMs !== 0) {
    return { ok: false, error: 'INVALID_DATE', message: `${value} is not a valid date: use YYYY-MM-DD or epoch milliseconds at midnight UTC.` };
  }
  return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
}

function normalizeOption(property: PropertyDefinition, value: string): NormalizedValue {
  if (property.referencedObjectType) return { ok: true, value };
  const allowed = property.options.map((o) => o.value);
  const chosen = property.fieldType === 'checkbox' ? value.split(';') : [value];
  const invalid = chosen.find((v) => !allowed.includes(v));
  if (invalid !== undefined) {
    return {
      ok: false,
      error: 'INVALID_OPTION',
      message: `${invalid} was not one of the allowed options: [${allowed.join(', ')}]`,
    };
  }
  return { ok: true, value };
}
