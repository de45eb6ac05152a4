import type { ContactRecord } from './hubspot-contact-record';
import type { PropertyDefinition } from './hubspot-property-definition';
import type { SearchFilter } from './contact-search-request';

const orderedTypes = new Set(['number', 'datetime', 'date']);

/** Epoch ms for dates, the number for numbers; filter values may be epoch ms or ISO-8601. */
function ordinal(property: PropertyDefinition, value: string): number {
  if (property.type === 'number') return Number(value);
  return /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
}

function compare(property: PropertyDefinition, stored: string, wanted: string): number {
  if (orderedTypes.has(property.type)) return ordinal(property, stored) - ordinal(property, wanted);
  return stored.toLowerCase().localeCompare(wanted.toLowerCase());
}

function tokenPattern(value: string): RegExp {
  const escaped = value.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function containsToken(stored: string, wanted: string): boolean {
  const pattern = tokenPattern(wanted);
  return pattern.test(stored.toLowerCase()) || stored.toLowerCase().split(/[^a-z0-9.@_-]+/).some((token) => pattern.test(token));
}

/** One search filter against one contact, following HubSpot's operator semantics. */
export function matchesSearchFilter(record: ContactRecord, property: PropertyDefinition, filter: SearchFilter): boolean {
  const stored = record.properties[filter.propertyName];
  const value = filter.value ?? '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return stored !== undefined;
    case 'NOT_HAS_PROPERTY':
      return stored === undefined;
    case 'NEQ':
      return stored === undefined || compare(property, stored, value) !== 0;
    case 'NOT_IN':
      return stored === undefined || !(filter.values ?? []).some((v) => compare(property, stored, v) === 0);
    case 'NOT_CONTAINS_TOKEN':
      return stored === undefined || !containsToken(stored, value);
  }
  if (stored === undefined) return false;
  switch (filter.operator) {
    case 'EQ':
      return compare(property, stored, value) === 0;
    case 'LT':
      return compare(property, stored, value) < 0;
    case 'LTE':
      return compare(property, stored, value) <= 0;
    case 'GT':
      return compare(property, stored, value) > 0;
    case 'GTE':
      return compare(property, stored, value) >= 0;
    case 'BETWEEN':
      return compare(property, stored, value) >= 0 && compare(property, stored, filter.highValue ?? value) <= 0;
    case 'IN':
      return (filter.values ?? []).some((v) => compare(property, stored, v) === 0);
    case 'CONTAINS_TOKEN':
      return containsToken(stored, value);
  }
}
