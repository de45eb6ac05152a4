/**
 * The p-th percentile (0–1) of `values`, interpolating linearly between the two nearest ranks
 * (the method spreadsheets call PERCENTILE.INC and numpy's default): the median of 1, 2, 3, 10 is 2.5.
 * Null for no values: no data is not a zero.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new Error(`percentile must be between 0 and 1, got ${p}`);
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const rank = p * (finite.length - 1);
  const below = Math.floor(rank);
  const low = finite[below] as number;
  const high = finite[Math.min(below + 1, finite.length - 1)] as number;
  return low + (high - low) * (rank - below);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}
