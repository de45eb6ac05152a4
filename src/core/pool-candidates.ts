import type { Pool } from './definition';
import type { Owner } from './owner';

export interface WeightedOwner {
  ownerId: string;
  weight: number;
}

/**
 * Available owners a pool may route to, sorted by id: its listed members plus everyone in its team
 * (weight 1 unless listed). A pool with neither members nor team means every available owner, so a
 * catch-all pool needs no upkeep when people join or leave.
 */
export function poolCandidates(pool: Pool, owners: readonly Owner[]): WeightedOwner[] {
  const available = owners.filter((o) => o.available);
  const listedWeight = new Map(pool.members.map((m) => [m.ownerId, m.weight]));
  const everyone = pool.members.length === 0 && pool.team === null;
  const team = pool.team?.trim().toLowerCase() ?? null;
  return available
    .filter((o) => everyone || listedWeight.has(o.id) || (team !== null && o.teams.some((t) => sameTeam(t, team))))
    .map((o) => ({ ownerId: o.id, weight: listedWeight.get(o.id) ?? 1 }))
    .sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
}

/** Case-insensitive, as admins type team names that the CRM spells its own way. */
function sameTeam(name: string, lowerCaseTeam: string): boolean {
  const trimmed = name.trim();
  return trimmed.length === lowerCaseTeam.length && trimmed.toLowerCase() === lowerCaseTeam;
}
