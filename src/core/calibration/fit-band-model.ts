import { bandCoefficients, buildDesign } from './build-design';
import type { Feature } from './feature';
import { isStepColumn, featureColumnCount } from './feature-columns';
import { fitLogisticRegression, type LogisticModel } from './fit-logistic-regression';

/** L2 strengths: on category bands (shrinks toward average), on numeric steps (smooths neighbours). */
export interface BandPenalties {
  category: number;
  step: number;
}

/** An additive log-odds model: the intercept plus one coefficient per band of each feature. */
export interface BandModel {
  intercept: number;
  /** `coefficients[f][b]`: log-odds added by band b of feature f. */
  coefficients: number[][];
  /** The fitted columns, to warm-start the next fit on the same features. */
  columns: LogisticModel;
}

/**
 * Fits the band model by regularised logistic regression on the given rows (indices into `bands`,
 * `outcomes` and `weights`).
 */
export function fitBandModel(
  features: readonly Feature[],
  bands: readonly Int16Array[],
  rows: readonly number[],
  outcomes: readonly boolean[],
  penalties: BandPenalties,
  weights?: readonly number[],
  start?: BandModel,
): BandModel {
  const { design, offsets } = buildDesign(features, bands, rows);
  const columnPenalties: number[] = [];
  features.forEach((feature) => {
    for (let c = 0; c < featureColumnCount(feature); c++) {
      columnPenalties.push(isStepColumn(feature, c) ? penalties.step : penalties.category);
    }
  });
  const model = fitLogisticRegression(
    design,
    rows.map((row) => outcomes[row] as boolean),
    {
      penalties: columnPenalties,
      ...(weights === undefined ? {} : { weights: rows.map((row) => weights[row] ?? 1) }),
      ...(start === undefined ? {} : { start: start.columns }),
    },
  );
  return {
    intercept: model.intercept,
    coefficients: features.map((feature, f) => bandCoefficients(feature, model.coefficients, offsets[f] as number)),
    columns: model,
  };
}

/** The model's log-odds for one row. */
export function bandModelLogit(model: BandModel, bands: readonly Int16Array[], row: number): number {
  let z = model.intercept;
  model.coefficients.forEach((coefficients, f) => {
    const band = (bands[f] as Int16Array)[row] as number;
    if (band >= 0) z += coefficients[band] as number;
  });
  return z;
}
