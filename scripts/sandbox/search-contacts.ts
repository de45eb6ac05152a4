import { validationError } from './hubspot-api-error';
import type { ContactRecord } from './hubspot-contact-record';
import type { HubspotPropertyCatalog } from './hubspot-property-catalog';
import type { PropertyDefinition } from './hubspot-property-definition';
import { searchResultCap, type ContactSearchRequest } from './contact-search-request';
import { matchesSearchFilter } from './matches-search-filter';

const freeTextProperties = ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company', 'website'];

export interface SearchPage {
  total: number;
  results: ContactRecord[];
  /** Offset of the next page; absent on the last page and at the 10,000-result cap. */
  nextAfter?: number;
}

function definitionOf(catalog: HubspotPropertyCatalog, name: string): PropertyDefinition {
  const property = catalog.find(name);
  if (!property) throw validationError(`Property "${name}" does not exist for object type CONTACT; it cannot be filtered or sorted on.`);
  return property;
}

function sortOf(request: ContactSearchRequest): { propertyName: string; descending: boolean } | null {
  const [sort] = request.sorts;
  if (sort === undefined) return null;
  if (typeof sort === 'string') {
    return sort.startsWith('-') ? { propertyName: sort.slice(1), descending: true } : { propertyName: sort, descending: false };
  }
  return { propertyName: sort.propertyName, descending: sort.direction === 'DESCENDING' };
}

/**
 * HubSpot CRM search over contacts: filter groups are ORed, filters inside a group ANDed; one sort,
 * ties (and no sort) in id order; offsets as `after`; nothing past the first 10,000 results.
 */
export function searchContacts(records: readonly ContactRecord[], request: ContactSearchRequest, catalog: HubspotPropertyCatalog): SearchPage {
  const groups = request.filterGroups.map((group) =>
    group.filters.map((filter) => ({ filter, property: definitionOf(catalog, filter.propertyName) })),
  );
  const query = request.query?.trim().toLowerCase();
  const matching = records.filter(
    (record) =>
      (groups.length === 0 || groups.some((group) => group.every(({ filter, property }) => matchesSearchFilter(record, property, filter)))) &&
      (!query || freeTextProperties.some((name) => record.properties[name]?.toLowerCase().includes(query))),
  );
  const sort = sortOf(request);
  const sortProperty = sort ? definitionOf(catalog, sort.propertyName) : null;
  const sorted = [...matching].sort((a, b) => {
    if (sort && sortProperty) {
      const order = compareForSort(sortProperty, a.properties[sort.propertyName], b.properties[sort.propertyName]);
      if (order !== 0) return sort.descending ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });
  const end = Math.min(request.after + request.limit, sorted.length, searchResultCap);
  const page: SearchPage = { total: sorted.length, results: sorted.slice(request.after, end) };
  if (end < Math.min(sorted.length, searchResultCap)) page.nextAfter = end;
  return page;
}

function compareForSort(property: PropertyDefinition, a: string | undefined, b: string | undefined): number {
  // Records without the value sort last, whichever the direction, as HubSpot does.
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (property.type === 'number') return Number(a) - Number(b);
  if (property.type === 'datetime' || property.type === 'date') return Date.parse(a) - Date.parse(b);
  return a.toLowerCase().localeCompare(b.toLowerCase());
}
