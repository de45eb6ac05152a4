import type { Owner } from '../../src/core/owner';
import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';

const ownersPerPage = 500;
// A guard against a cursor that never ends: 200 pages is 100,000 owners.
const maxPages = 200;

interface HubspotOwner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  archived: boolean;
  teams?: Array<{ name: string }>;
}

/**
 * Active owners, then archived ones as unavailable (so routing can tell "gone" from "unknown").
 * Owners are keyed by `id`, the value HubSpot's `hubspot_owner_id` takes — not `userId`.
 */
export async function listHubspotOwners(apis: HubspotApis, timeoutMs: number): Promise<Owner[]> {
  const active = await listPages(apis, false, timeoutMs);
  const archived = await listPages(apis, true, timeoutMs);
  const seen = new Set(active.map((owner) => owner.id));
  return [...active, ...archived.filter((owner) => !seen.has(owner.id))].map(toOwner);
}

async function listPages(apis: HubspotApis, archived: boolean, timeoutMs: number): Promise<HubspotOwner[]> {
  const owners: HubspotOwner[] = [];
  let after: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const response = await callHubspot(archived ? 'list archived owners' : 'list owners', timeoutMs, () =>
      // GET /crm/v3/owners/?limit=500&archived=false|true&after=…
      apis.owners.getPage(undefined, after, ownersPerPage, archived),
    );
    owners.push(...response.results);
    after = response.paging?.next?.after;
    if (!after) break;
  }
  return owners;
}

function toOwner(owner: HubspotOwner): Owner {
  const name = [owner.firstName, owner.lastName].filter((part) => part && part.trim() !== '').join(' ');
  return {
    id: owner.id,
    name: name || owner.email || owner.id,
    email: owner.email || null,
    teams: (owner.teams ?? []).map((team) => team.name),
    available: !owner.archived,
  };
}
