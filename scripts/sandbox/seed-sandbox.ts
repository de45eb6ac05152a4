import path from 'node:path';
import { findSeedDataDir } from './find-seed-data-dir';
import type { HubspotState } from './hubspot-state';
import { readCsvRecords } from './read-csv-records';
import { simulatedWriteSource } from './sandbox-write-sources';
import { buildSeedContacts, type AccountRow, type SeedContact } from './seed-contacts';
import { buildSeedOwners, type SalesTeamRow, type SeedOwner } from './seed-owners';

export const defaultSeedContactCount = 300;

export interface SeedOptions {
  /** How many contacts (default 300); 0 seeds owners only. */
  contacts?: number;
  /** Folder with accounts.csv and sales_teams.csv; found automatically when omitted. */
  dataDir?: string;
  /** "Now" for creation and conversion dates; fix it for identical data across runs. */
  now?: number;
  /** PRNG seed for the contacts. */
  seed?: number;
  /** Also seed accounts.csv as companies / accounts with owners (routing's account match then applies). */
  accounts?: boolean;
}

export interface SeedData {
  owners: SeedOwner[];
  contacts: SeedContact[];
}

function requireColumns<Row>(rows: Array<Record<string, string>>, columns: ReadonlyArray<keyof Row & string>, file: string): Row[] {
  const first = rows[0];
  const missing = first ? columns.filter((column) => !(column in first)) : [];
  if (missing.length > 0) throw new Error(`${file} lacks columns: ${missing.join(', ')}`);
  return rows as unknown as Row[];
}

/** Reads the CRM + Sales Opportunities CSVs and builds owners and contacts from them (no CRM involved). */
export function loadSeedData(options: SeedOptions = {}): SeedData {
  const dataDir = findSeedDataDir(options.dataDir);
  const teamsFile = path.join(dataDir, 'sales_teams.csv');
  const accountsFile = path.join(dataDir, 'accounts.csv');
  const teams = requireColumns<SalesTeamRow>(readCsvRecords(teamsFile), ['sales_agent', 'manager', 'regional_office'], teamsFile);
  const accounts = requireColumns<AccountRow>(readCsvRecords(accountsFile), ['account', 'sector', 'revenue', 'employees', 'office_location'], accountsFile);
  const owners = buildSeedOwners(teams);
  const contacts = buildSeedContacts(accounts, owners, {
    count: options.contacts ?? defaultSeedContactCount,
    now: options.now ?? Date.now(),
    seed: options.seed,
  });
  return { owners, contacts };
}

/**
 * Puts the seed straight into the portal as existing data: owners, then contacts as an old import.
 * No webhooks fire — Accord learns about these through backfill or reconciliation, as with a real portal.
 */
export function seedSandbox(hubspot: HubspotState, options: SeedOptions = {}): SeedData {
  const seed = loadSeedData(options);
  for (const owner of seed.owners) {
    const { role: _role, managerId: _managerId, region: _region, ...hubspotOwner } = owner;
    hubspot.owners.add(hubspotOwner);
  }
  const importSource = simulatedWriteSource('IMPORT');
  for (const contact of seed.contacts) {
    hubspot.contacts.create(contact.properties, importSource, { silent: true, createdAt: contact.createdAt, updatedAt: contact.updatedAt });
  }
  return seed;
}

/**
 * The seed contacts as create inputs (`{ properties }`), for streaming them in as new leads through
 * `POST /crm/v3/objects/contacts[/batch/create]` or `POST /_sandbox/contacts[/batch]`, which emit creation webhooks.
 * HubSpot sets the dates itself, so those are left out.
 */
export function toCreateContactInputs(contacts: readonly SeedContact[]): Array<{ properties: Record<string, string> }> {
  return contacts.map(({ properties }) => {
    const { createdate: _createdate, ...rest } = properties;
    return { properties: rest };
  });
}
