import { compileDefinition } from './compile-definition';
import type { RoutingOutcome } from './decision';
import type { Definition } from './definition';
import { employeeSegment } from './employee-segment';
import type { Lead } from './lead';
import type { Owner } from './owner';
import { poolCandidates } from './pool-candidates';
import type { RoutingState } from './routing-state';
import { smoothWeightedPick } from './smooth-weighted-pick';
import { territoryRegion } from './territory-region';

export interface RouteResult extends RoutingOutcome {
  /** The round-robin state after this lead: a new object when a pool picked, else the input. */
  nextState: RoutingState;
}

/**
 * Picks an owner for a lead: its territory's region and its head-count segment select the first
 * pool that covers both (an empty list covers all) and has someone available; that pool's
 * weighted round robin picks the owner.
 */
export function routeLead(lead: Lead, definition: Definition, owners: readonly Owner[], state: RoutingState): RouteResult {
  const region = territoryRegion(lead, compileDefinition(definition).territories);
  const segment = employeeSegment(lead.employees, definition.routing.segments);
  const where = `${region === null ? 'no territory' : `territory ${region}`}, ${segment === null ? 'no segment' : `segment ${segment.id}`}`;
  for (const pool of definition.routing.pools) {
    if (pool.regions.length > 0 && (region === null || !pool.regions.some((r) => sameName(r, region)))) continue;
    if (pool.segments.length > 0 && (segment === null || !pool.segments.includes(segment.id))) continue;
    const pick = smoothWeightedPick(poolCandidates(pool, owners), state[pool.id] ?? {});
    if (pick === null) continue;
    return {
      ownerId: pick.ownerId,
      poolId: pool.id,
      explanation: `${where}, pool ${pool.name}: round robin (weight ${pick.weight} of ${pick.totalWeight})`,
      nextState: { ...state, [pool.id]: pick.nextCurrent },
    };
  }
  return { ownerId: null, poolId: null, explanation: `${where}: no available owner in any pool`, nextState: state };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
