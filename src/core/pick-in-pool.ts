import { assignedCount, tallyKeys, withAssignment } from './assignment-tally';
import type { Pool } from './definition';
import type { Owner } from './owner';
import { poolMembers, type PoolCandidate } from './pool-candidates';
import type { RoutingState } from './routing-state';
import { smoothWeightedPick } from './smooth-weighted-pick';

export interface PoolPick {
  ownerId: string;
  weight: number;
  totalWeight: number;
  /** The owner's leads today and this month, this one included, and their caps (null = none). */
  today: number;
  dailyCap: number | null;
  thisMonth: number;
  monthlyCap: number | null;
  /** Round-robin weights and tallies after this lead (a new object). */
  nextState: RoutingState;
}

export interface PoolOutcome {
  pick: PoolPick | null;
  /** Available owners skipped because they had reached a cap. */
  atCap: number;
}

/**
 * The pool's next owner by weighted round robin among owners available now and under their daily
 * and monthly caps, leaving out `excluded` (owners an escalation moves the lead away from).
 */
export function pickInPool(
  pool: Pool,
  owners: readonly Owner[],
  state: RoutingState,
  now: Date,
  defaultTimeZone: string,
  excluded: readonly string[] = [],
): PoolOutcome {
  const nowMs = now.getTime();
  // Members passed over this time (away, excluded, at cap): the round robin forgets what they were owed.
  const { candidates, away: skipped } = poolMembers(pool, owners, nowMs);
  const open: PoolCandidate[] = [];
  let atCap = 0;
  for (const candidate of candidates) {
    if (excluded.includes(candidate.ownerId)) {
      skipped.push(candidate.ownerId);
    } else if (reachedCap(candidate, state, nowMs, defaultTimeZone)) {
      atCap += 1;
      skipped.push(candidate.ownerId);
    } else {
      open.push(candidate);
    }
  }
  const pick = smoothWeightedPick(open, state[pool.id] ?? {}, skipped);
  if (pick === null) return { pick: null, atCap };
  const chosen = open.find((c) => c.ownerId === pick.ownerId) as PoolCandidate;
  const keys = tallyKeys(nowMs, chosen.timeZone ?? defaultTimeZone);
  return {
    pick: {
      ownerId: pick.ownerId,
      weight: pick.weight,
      totalWeight: pick.totalWeight,
      today: assignedCount(state, keys.day, chosen.ownerId) + 1,
      dailyCap: chosen.dailyCap,
      thisMonth: assignedCount(state, keys.month, chosen.ownerId) + 1,
      monthlyCap: chosen.monthlyCap,
      nextState: withAssignment(state, chosen.ownerId, keys, nowMs, { [pool.id]: pick.nextCurrent }),
    },
    atCap,
  };
}

function reachedCap(candidate: PoolCandidate, state: RoutingState, nowMs: number, defaultTimeZone: string): boolean {
  if (candidate.dailyCap === null && candidate.monthlyCap === null) return false;
  const keys = tallyKeys(nowMs, candidate.timeZone ?? defaultTimeZone);
  if (candidate.dailyCap !== null && assignedCount(state, keys.day, candidate.ownerId) >= candidate.dailyCap) return true;
  return candidate.monthlyCap !== null && assignedCount(state, keys.month, candidate.ownerId) >= candidate.monthlyCap;
}

/** ", cap 12/20 today, 140/300 this month": only the caps the owner has. */
export function capNote(pick: PoolPick): string {
  const today = pick.dailyCap === null ? '' : `, cap ${pick.today}/${pick.dailyCap} today`;
  const month = pick.monthlyCap === null ? '' : `, ${pick.dailyCap === null ? 'cap ' : ''}${pick.thisMonth}/${pick.monthlyCap} this month`;
  return today + month;
}
