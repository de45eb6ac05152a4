import { accountOwnerOf } from './account-owner';
import { tallyKeys, withAssignment } from './assignment-tally';
import { compileDefinition } from './compile-definition';
import type { RoutingOutcome } from './decision';
import type { Definition } from './definition';
import { employeeSegment } from './employee-segment';
import type { Lead } from './lead';
import type { Owner } from './owner';
import { capNote, pickInPool } from './pick-in-pool';
import type { RoutingState } from './routing-state';
import { territoryRegion } from './territory-region';

export interface RouteResult extends RoutingOutcome {
  /** The routing state after this lead: a new object when someone was assigned, else the input. */
  nextState: RoutingState;
}

/**
 * Picks an owner for a lead. An existing account's owner first: the company already has a rep.
 * Otherwise its territory's region (state before country) and its head-count segment select the
 * first pool that covers both (an empty list covers all) and has someone available and under
 * their caps; that pool's weighted round robin picks the owner. Every assignment is tallied
 * against the owner's daily and monthly caps.
 */
export function routeLead(
  lead: Lead,
  definition: Definition,
  owners: readonly Owner[],
  state: RoutingState,
  now: Date,
  accountOwners?: ReadonlyMap<string, string>,
): RouteResult {
  const compiled = compileDefinition(definition);
  const nowMs = now.getTime();
  const account = accountOwnerOf(lead, accountOwners, owners, nowMs, compiled.lists);
  if (account !== null && account.available) {
    const keys = tallyKeys(nowMs, account.owner?.timeZone ?? definition.timeZone);
    return {
      ownerId: account.ownerId,
      poolId: null,
      explanation: `account owner of ${account.domain}`,
      nextState: withAssignment(state, account.ownerId, keys, nowMs),
    };
  }
  const accountNote = account === null ? '' : `account owner of ${account.domain} unavailable; `;
  const region = territoryRegion(lead, compiled.territories);
  const segment = employeeSegment(lead.employees, definition.routing.segments);
  const where = `${accountNote}${region === null ? 'no territory' : `territory ${region}`}, ${segment === null ? 'no segment' : `segment ${segment.id}`}`;
  let atCap = 0;
  for (const pool of definition.routing.pools) {
    if (pool.regions.length > 0 && (region === null || !pool.regions.some((r) => sameName(r, region)))) continue;
    if (pool.segments.length > 0 && (segment === null || !pool.segments.includes(segment.id))) continue;
    const outcome = pickInPool(pool, owners, state, now, definition.timeZone);
    atCap += outcome.atCap;
    const pick = outcome.pick;
    if (pick === null) continue;
    return {
      ownerId: pick.ownerId,
      poolId: pool.id,
      explanation: `${where}, pool ${pool.name}: round robin (weight ${pick.weight} of ${pick.totalWeight})${capNote(pick)}`,
      nextState: pick.nextState,
    };
  }
  const capped = atCap === 0 ? '' : ` (${atCap} at their cap)`;
  return { ownerId: null, poolId: null, explanation: `${where}: no available owner in any pool${capped}`, nextState: state };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
