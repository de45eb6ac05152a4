/** One row of the benchmark table (and of the JSON). */
export interface BenchFigure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  target: string;
  /** null: reported, no target. */
  met: boolean | null;
  /** What the figure depends on, what limited it, how it was measured when that is not obvious. */
  note?: string;
  /** How the figure grows with the work: per size, the same figure (or per-event cost). */
  scaling?: Array<{ size: number; value: number; unit: string }>;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
