import type { HubspotOwner } from './hubspot-owner';

export interface SalesTeamRow {
  sales_agent: string;
  manager: string;
  regional_office: string;
}

export interface SeedOwner extends HubspotOwner {
  role: 'agent' | 'manager';
  /** The agent's manager's owner id; absent for managers. */
  managerId?: string;
  region: string;
}

export const ownerEmailDomain = 'sandbox-hardware.example';
const firstOwnerId = 1_000_001;
const firstUserId = 7_000_001;
const firstTeamId = 40_001;
const ownersCreatedAt = Date.UTC(2023, 0, 9, 14, 0, 0);

function splitName(fullName: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = fullName.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

function emailSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '');
}

/**
 * Owners from sales_teams.csv: the 35 agents (ids 1000001…, in file order), then their 6 managers
 * (in order of first appearance). Each sits in one team, their regional office.
 */
export function buildSeedOwners(rows: readonly SalesTeamRow[]): SeedOwner[] {
  const teamIds = new Map<string, string>();
  const teamOf = (region: string) => {
    if (!teamIds.has(region)) teamIds.set(region, String(firstTeamId + teamIds.size));
    return [{ id: teamIds.get(region) ?? '', name: region, primary: true }];
  };
  const managers = [...new Map(rows.map((row) => [row.manager, row.regional_office])).entries()];
  const people: Array<{ name: string; region: string; role: SeedOwner['role']; manager?: string }> = [
    ...rows.map((row) => ({ name: row.sales_agent, region: row.regional_office, role: 'agent' as const, manager: row.manager })),
    ...managers.map(([name, region]) => ({ name, region, role: 'manager' as const })),
  ];
  const idOfName = new Map(people.map((person, index) => [person.name, String(firstOwnerId + index)]));
  return people.map((person, index) => {
    const { firstName, lastName } = splitName(person.name);
    const createdAt = ownersCreatedAt + index * 3_600_000;
    const owner: SeedOwner = {
      id: String(firstOwnerId + index),
      email: `${emailSlug(firstName)}.${emailSlug(lastName)}@${ownerEmailDomain}`,
      firstName,
      lastName,
      userId: firstUserId + index,
      teams: teamOf(person.region),
      archived: false,
      createdAt,
      updatedAt: createdAt,
      role: person.role,
      region: person.region,
    };
    const managerId = person.manager === undefined ? undefined : idOfName.get(person.manager);
    if (managerId !== undefined) owner.managerId = managerId;
    return owner;
  });
}
