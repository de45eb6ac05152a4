import type { Connection } from 'jsforce';
import { chunk } from '../../src/core/chunk';
import { websiteDomain } from '../../src/core/website-domain';
import { queryAllRecords } from './query-all-records';
import { soqlString } from './soql-literal';

// Each domain adds a LIKE of ~30 characters: 50 keep the query far below SOQL's 100,000-character limit.
const domainsPerQuery = 50;

/**
 * Owners of the org's accounts whose Website is at one of these domains, by domain. Websites are
 * free text ("https://www.acme.com/"), so the query matches loosely and the exact host decides.
 */
export async function findSalesforceAccountOwners(connection: Connection, domains: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(domains.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''));
  const owners = new Map<string, string>();
  for (const batch of chunk([...wanted], domainsPerQuery)) {
    const where = batch.map((d) => `Website LIKE ${soqlString(`%${d}%`)}`).join(' OR ');
    // GET /services/data/vXX.X/query?q=SELECT Id, Website, OwnerId FROM Account WHERE Website LIKE …
    const { records } = await queryAllRecords<{ Website?: string | null; OwnerId?: string | null }>(
      connection,
      `SELECT Id, Website, OwnerId FROM Account WHERE ${where} ORDER BY CreatedDate`,
    );
    for (const account of records) {
      const domain = websiteDomain(account.Website);
      // The oldest account at a domain keeps it, the way reps treat the first one as the real one.
      if (domain !== null && wanted.has(domain) && account.OwnerId && !owners.has(domain)) owners.set(domain, account.OwnerId);
    }
  }
  return owners;
}
