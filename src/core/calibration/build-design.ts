import type { Feature } from './feature';
import { columnsOfBand, featureColumnCount } from './feature-columns';
import type { SparseDesign } from './sparse-design';

export interface FeatureDesign {
  design: SparseDesign;
  /** Where each feature's columns start in the design. */
  offsets: number[];
}

/** The 0/1 design for leads whose band of each feature is known (`bands[f][row]`). */
export function buildDesign(features: readonly Feature[], bands: readonly Int16Array[], rows: readonly number[]): FeatureDesign {
  const offsets: number[] = [];
  let columns = 0;
  for (const feature of features) {
    offsets.push(columns);
    columns += featureColumnCount(feature);
  }
  // Per feature and band, the global columns it switches on: computed once, shared by all rows.
  const lookup = features.map((feature, f) =>
    feature.bands.map((_, band) => columnsOfBand(feature, band).map((c) => c + (offsets[f] as number))),
  );
  const designRows = rows.map((row) => {
    const active: number[] = [];
    features.forEach((_, f) => {
      const band = (bands[f] as Int16Array)[row] as number;
      if (band >= 0) active.push(...((lookup[f] as number[][])[band] as number[]));
    });
    return Int32Array.from(active);
  });
  return { design: { columns, rows: designRows }, offsets };
}

/** Each band's contribution to the log-odds under a fitted model. */
export function bandCoefficients(feature: Feature, coefficients: Float64Array, offset: number): number[] {
  return feature.bands.map((_, band) => columnsOfBand(feature, band).reduce((sum, c) => sum + (coefficients[offset + c] as number), 0));
}
