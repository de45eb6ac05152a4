import type { Pool } from './definition';
import type { Owner } from './owner';
import { isOwnerAvailable } from './owner-availability';

export interface WeightedOwner {
  ownerId: string;
  weight: number;
}

/** A pool member who can take a lead now, with the caps the pool sets for them (null = none). */
export interface PoolCandidate extends WeightedOwner {
  dailyCap: number | null;
  monthlyCap: number | null;
  /** The owner's own zone, for "today" and "this month"; null = the definition's. */
  timeZone: string | null;
}

/**
 * Owners a pool may route to at `nowMs`, sorted by id: its listed members plus everyone in its
 * team (weight 1, no cap, unless listed), skipping anyone inactive or out of office. A pool with
 * neither members nor team means every available owner, so a catch-all pool needs no upkeep when
 * people join or leave.
 */
export function poolCandidates(pool: Pool, owners: readonly Owner[], nowMs: number): PoolCandidate[] {
  const listed = new Map(pool.members.map((m) => [m.ownerId, m]));
  const everyone = pool.members.length === 0 && pool.team === null;
  const team = pool.team?.trim().toLowerCase() ?? null;
  const candidates: PoolCandidate[] = [];
  for (const owner of owners) {
    const member = listed.get(owner.id);
    if (!(everyone || member !== undefined || (team !== null && owner.teams.some((t) => sameTeam(t, team))))) continue;
    if (!isOwnerAvailable(owner, nowMs)) continue;
    candidates.push({
      ownerId: owner.id,
      weight: member?.weight ?? 1,
      dailyCap: member?.dailyCap ?? null,
      monthlyCap: member?.monthlyCap ?? null,
      timeZone: owner.timeZone ?? null,
    });
  }
  return candidates.sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
}

/** Case-insensitive, as admins type team names that the CRM spells its own way. */
function sameTeam(name: string, lowerCaseTeam: string): boolean {
  const trimmed = name.trim();
  return trimmed.length === lowerCaseTeam.length && trimmed.toLowerCase() === lowerCaseTeam;
}
