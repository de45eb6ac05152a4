import { canonicalCountry } from './canonical-country';
import type { Definition } from './definition';
import { emailDomainOf } from './email-address';
import type { DefinitionListName } from './predicate';

/** The definition's lists as lookup sets (lower-case domains, canonical countries), built once. */
export type PredicateLists = Readonly<Record<DefinitionListName, ReadonlySet<string>>>;

export const emptyPredicateLists: PredicateLists = {
  freeMailDomains: new Set(),
  competitorDomains: new Set(),
  servedCountries: new Set(),
};

const cache = new WeakMap<object, PredicateLists>();

/** Cached per definition object: definitions are immutable once built. */
export function predicateListsOf(definition: Pick<Definition, DefinitionListName>): PredicateLists {
  let lists = cache.get(definition);
  if (lists === undefined) {
    lists = {
      freeMailDomains: new Set(definition.freeMailDomains.map(normalizeDomain)),
      competitorDomains: new Set(definition.competitorDomains.map(normalizeDomain)),
      servedCountries: new Set(definition.servedCountries.map(canonicalCountry)),
    };
    cache.set(definition, lists);
  }
  return lists;
}

/**
 * Whether the named list holds the value. Domain lists accept a domain or an email address and
 * also match subdomains ("eu.rival.com" is "rival.com"); the country list matches any spelling
 * of the country.
 */
export function listContains(lists: PredicateLists, name: DefinitionListName, value: string): boolean {
  const list = lists[name];
  if (name === 'servedCountries') return list.has(canonicalCountry(value));
  let domain = value.includes('@') ? (emailDomainOf(value) ?? '') : normalizeDomain(value);
  while (domain.includes('.')) {
    if (list.has(domain)) return true;
    domain = domain.slice(domain.indexOf('.') + 1);
  }
  return false;
}

function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase();
}
