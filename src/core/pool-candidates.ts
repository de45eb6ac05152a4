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

/** A pool's members right now: who can take a lead, and who is in the pool but away. */
export interface PoolMembers {
  /** Sorted by owner id. The candidate objects are shared between calls: read them, never change them. */
  candidates: PoolCandidate[];
  /** Members who are inactive or out of office. */
  away: string[];
}

/**
 * Owners a pool may route to at `nowMs`, sorted by id: its listed members plus everyone in its
 * team (weight 1, no cap, unless listed), skipping anyone inactive or out of office. A pool with
 * neither members nor team means every available owner, so a catch-all pool needs no upkeep when
 * people join or leave. Owner lists, like definitions, are not changed once built.
 */
export function poolCandidates(pool: Pool, owners: readonly Owner[], nowMs: number): PoolCandidate[] {
  return poolMembers(pool, owners, nowMs).candidates;
}

export function poolMembers(pool: Pool, owners: readonly Owner[], nowMs: number): PoolMembers {
  const candidates: PoolCandidate[] = [];
  const away: string[] = [];
  for (const { owner, candidate } of membersOf(pool, owners)) {
    if (isOwnerAvailable(owner, nowMs)) candidates.push(candidate);
    else away.push(owner.id);
  }
  return { candidates, away };
}

interface Membership {
  owner: Owner;
  candidate: PoolCandidate;
}

// Who is in which pool changes only with the definition or the owner list, not per lead: a batch
// passes the same owners array to every decision, so membership is worked out once per batch.
// Availability is still read from the owner objects on every call.
const memberships = new WeakMap<readonly Owner[], WeakMap<Pool, readonly Membership[]>>();

function membersOf(pool: Pool, owners: readonly Owner[]): readonly Membership[] {
  let byPool = memberships.get(owners);
  if (byPool === undefined) {
    byPool = new WeakMap();
    memberships.set(owners, byPool);
  }
  let members = byPool.get(pool);
  if (members === undefined) {
    members = findMembers(pool, owners);
    byPool.set(pool, members);
  }
  return members;
}

function findMembers(pool: Pool, owners: readonly Owner[]): Membership[] {
  const listed = new Map(pool.members.map((m) => [m.ownerId, m]));
  const everyone = pool.members.length === 0 && pool.team === null;
  const team = pool.team?.trim().toLowerCase() ?? null;
  const members: Membership[] = [];
  for (const owner of owners) {
    const member = listed.get(owner.id);
    if (!(everyone || member !== undefined || (team !== null && owner.teams.some((t) => sameTeam(t, team))))) continue;
    const candidate: PoolCandidate = {
      ownerId: owner.id,
      weight: member?.weight ?? 1,
      dailyCap: member?.dailyCap ?? null,
      monthlyCap: member?.monthlyCap ?? null,
      timeZone: owner.timeZone ?? null,
    };
    members.push({ owner, candidate });
  }
  return members.sort((a, b) => (a.owner.id < b.owner.id ? -1 : a.owner.id > b.owner.id ? 1 : 0));
}

/** Case-insensitive, as admins type team names that the CRM spells its own way. */
function sameTeam(name: string, lowerCaseTeam: string): boolean {
  const trimmed = name.trim();
  return trimmed.length === lowerCaseTeam.length && trimmed.toLowerCase() === lowerCaseTeam;
}
