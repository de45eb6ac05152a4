import type { WeightedOwner } from './pool-candidates';

export interface WeightedPick {
  ownerId: string;
  weight: number;
  totalWeight: number;
  /** Every owner's current weight after this pick (a new object; the input is untouched). */
  nextCurrent: Record<string, number>;
}

/**
 * Smooth weighted round robin (nginx): every candidate gains its weight, the highest current
 * weight wins (ties: lowest owner id) and pays back the total. Over any run of `total` picks each
 * owner gets exactly its weight, interleaved rather than in bursts.
 *
 * Pool members passed over this time (`skipped`: away, out of office, at their cap) give up any
 * credit they were owed, down to zero, but keep a debt: when they come back they rejoin the
 * rotation at its normal pace instead of being handed a run of catch-up leads, and a short absence
 * right after a lead does not jump them ahead of the queue.
 */
export function smoothWeightedPick(
  candidates: readonly WeightedOwner[],
  current: Readonly<Record<string, number>>,
  skipped: readonly string[] = [],
): WeightedPick | null {
  if (candidates.length === 0) return null;
  // A spread, not a key-by-key copy: CRM owner ids are numeric strings, which V8 enumerates slowly.
  const nextCurrent: Record<string, number> = { ...current };
  for (const ownerId of skipped) {
    const value = current[ownerId];
    if (value !== undefined && value > 0) nextCurrent[ownerId] = 0;
  }
  let totalWeight = 0;
  let best = candidates[0] as WeightedOwner;
  let bestValue = -Infinity;
  for (const candidate of candidates) {
    const value = (current[candidate.ownerId] ?? 0) + candidate.weight;
    nextCurrent[candidate.ownerId] = value;
    totalWeight += candidate.weight;
    if (value > bestValue || (value === bestValue && candidate.ownerId < best.ownerId)) {
      best = candidate;
      bestValue = value;
    }
  }
  nextCurrent[best.ownerId] = bestValue - totalWeight;
  return { ownerId: best.ownerId, weight: best.weight, totalWeight, nextCurrent };
}
