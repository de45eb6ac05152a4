import type { Feature } from './feature';

export interface NumericBinning {
  /** Most value bands to cut. */
  maxBins: number;
  /** Fewest rows a band may hold. */
  minRows: number;
}

/**
 * Quantile bands over a numeric field's present values, cut at round numbers where the values
 * spread widely, never splitting equal values and never leaving a band with fewer than `minRows`.
 * A spike (many zeros) gets a band of its own. The unknown band comes last.
 */
export function numericFeature(field: string, name: string, values: readonly number[], binning: NumericBinning): Feature {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const distinct = new Set(sorted).size;
  const cuts: number[] = [];
  let lastCutIndex = 0;
  for (let q = 1; q < binning.maxBins; q++) {
    const raw = sorted[Math.floor((q * n) / binning.maxBins)];
    if (raw === undefined) continue;
    const cut = distinct > 50 ? roundNicely(raw) : raw;
    const index = lowerBound(sorted, cut);
    // The band below the cut must be big enough and the cut must move past the last one.
    if (index - lastCutIndex < binning.minRows || n - index < binning.minRows) continue;
    if (cuts.length > 0 && cut <= (cuts[cuts.length - 1] as number)) continue;
    cuts.push(cut);
    lastCutIndex = index;
  }
  const bounds: Array<number | null> = [null, ...cuts, null];
  const bands: Feature['bands'] = [];
  for (let i = 0; i + 1 < bounds.length; i++) bands.push({ type: 'range', low: bounds[i] ?? null, high: bounds[i + 1] ?? null });
  bands.push({ type: 'missing' });
  return { field, name, kind: 'numeric', bands };
}

/** Two significant digits: a cut at 190 s reads better than one at 187 s and bins the same. */
function roundNicely(x: number): number {
  if (x === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / magnitude) * magnitude;
}

/** Index of the first value ≥ x in ascending values. */
function lowerBound(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
