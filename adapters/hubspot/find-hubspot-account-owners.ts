import { chunk } from '../../src/core/chunk';
import { websiteDomain } from '../../src/core/website-domain';
import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';

// An IN filter takes up to 100 values, and a search page up to 100 (we ask for 100) companies.
const domainsPerSearch = 100;

/** Owners of the portal's companies at these domains (the company `domain` property), by domain. */
export async function findHubspotAccountOwners(apis: HubspotApis, domains: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
  const wanted = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))];
  const owners = new Map<string, string>();
  for (const batch of chunk(wanted, domainsPerSearch)) {
    const response = await callHubspot('search companies', timeoutMs, () =>
      // POST /crm/v3/objects/companies/search
      apis.companiesSearch.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: batch }] }],
        properties: ['domain', 'hubspot_owner_id'],
        sorts: ['createdate'],
        limit: domainsPerSearch,
        after: '0',
      } as Parameters<HubspotApis['companiesSearch']['doSearch']>[0]),
    );
    for (const company of response.results) {
      const domain = websiteDomain(company.properties.domain);
      const ownerId = company.properties.hubspot_owner_id;
      if (domain !== null && ownerId && !owners.has(domain)) owners.set(domain, ownerId);
    }
  }
  return owners;
}
