import path from 'node:path';
import { companyDomain } from './company-domain';
import { findSeedDataDir } from './find-seed-data-dir';
import type { HubspotState } from './hubspot-state';
import { readCsvRecords } from './read-csv-records';
import type { SalesforceState } from './salesforce-state';
import type { SeedOwner } from './seed-owners';

const accountsCreatedAt = Date.UTC(2023, 1, 1, 9, 0, 0);

/**
 * accounts.csv as companies (HubSpot) and accounts (Salesforce) at the domains the seed's contacts
 * use, each owned by a sales agent (agents in turn, so each team keeps accounts). `salesforceUserOf`
 * maps a HubSpot owner id to the org's user. Opt in: with accounts, routing's account match takes
 * every lead at them, which a test of territories does not want.
 */
export function seedAccounts(
  hubspot: HubspotState,
  salesforce: SalesforceState,
  owners: readonly SeedOwner[],
  salesforceUserOf: ReadonlyMap<string, string>,
  dataDir?: string,
): number {
  const rows = readCsvRecords(path.join(findSeedDataDir(dataDir), 'accounts.csv'));
  const agents = owners.filter((o) => o.role === 'agent');
  if (agents.length === 0) return 0;
  rows.forEach((row, index) => {
    const name = row.account ?? '';
    if (name === '') return;
    const agent = agents[index % agents.length] as SeedOwner;
    const createdAt = accountsCreatedAt + index * 86_400_000;
    const domain = companyDomain(name);
    hubspot.companies.push({ id: String(5_000_001 + index), name, domain, ownerId: agent.id, createdAt });
    const userId = salesforceUserOf.get(agent.id);
    if (userId !== undefined) salesforce.accounts.push({ id: salesforce.newAccountId(), name, domain, ownerId: userId, createdAt });
  });
  return rows.length;
}
