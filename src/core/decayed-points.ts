const dayMs = 86_400_000;

/**
 * Intent fades: points halve every half-life since the signal last happened. An unknown time
 * means no decay (we cannot tell it is old), and a time in the future counts as now.
 */
export function decayedPoints(points: number, lastAtMs: number | null, halfLifeDays: number, nowMs: number): number {
  if (lastAtMs === null) return points;
  const ageDays = Math.max(0, nowMs - lastAtMs) / dayMs;
  return points * 0.5 ** (ageDays / halfLifeDays);
}
