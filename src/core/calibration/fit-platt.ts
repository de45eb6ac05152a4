import { sigmoid } from './fit-logistic-regression';
import { solvePositiveDefinite } from './solve-positive-definite';

/** log-odds = intercept + slope·x + curvature·x², with x = score/100 − ½. */
export interface PlattFit {
  intercept: number;
  slope: number;
  curvature: number;
}

/**
 * A weak prior on the bend (standard deviation about 30, i.e. several log-odds units at the ends,
 * where x² reaches ¼): it only keeps the fit finite when the scores barely spread; the data decide
 * the shape.
 */
const curvaturePenalty = 1e-3;

/**
 * Platt scaling with a curvature term: a logistic curve on the score whose log-odds may bend.
 * Accord's learned scores are a linear map of the model's log-odds, so a straight line nearly
 * suffices, but the out-of-fold scores it is fitted on convert a little less often at the top
 * than the line says; on time-ordered splits inside the X Education training window the bend cut
 * the calibration error on the next period's leads by about 5 % (docs/calibration.md). Uses
 * Platt's smoothed targets so a perfectly separated sample does not push the curve to 0/1.
 */
export function fitPlatt(scores: readonly number[], outcomes: readonly boolean[], weights?: readonly number[]): PlattFit {
  let converted = 0;
  let total = 0;
  outcomes.forEach((y, i) => {
    total += weights?.[i] ?? 1;
    if (y) converted += weights?.[i] ?? 1;
  });
  const high = (converted + 1) / (converted + 2);
  const low = 1 / (total - converted + 2);
  const beta = new Float64Array(3);
  for (let iteration = 0; iteration < 200; iteration++) {
    const gradient = Float64Array.of(0, 0, curvaturePenalty * (beta[2] as number));
    // A tiny ridge keeps the Hessian invertible when every score is the same.
    const hessian = Float64Array.of(1e-9, 0, 0, 0, 1e-9, 0, 0, 0, 1e-9 + curvaturePenalty);
    scores.forEach((score, i) => {
      const x = score / 100 - 0.5;
      const terms = [1, x, x * x];
      const p = sigmoid((beta[0] as number) + (beta[1] as number) * x + (beta[2] as number) * x * x);
      const w = weights?.[i] ?? 1;
      const r = w * (p - (outcomes[i] ? high : low));
      const c = w * p * (1 - p);
      for (let j = 0; j < 3; j++) {
        gradient[j] = (gradient[j] as number) + r * (terms[j] as number);
        for (let k = 0; k < 3; k++) hessian[j * 3 + k] = (hessian[j * 3 + k] as number) + c * (terms[j] as number) * (terms[k] as number);
      }
    });
    const step = solvePositiveDefinite(hessian, gradient, 3);
    if (step === null) break;
    // Newton can overshoot far from the optimum on a logistic loss; cap the step.
    const size = Math.hypot(...step);
    const scale = size > 5 ? 5 / size : 1;
    for (let j = 0; j < 3; j++) beta[j] = (beta[j] as number) - scale * (step[j] as number);
    if (size * scale < 1e-10) break;
  }
  // The bend may turn the curve down past the scores seen; fitCalibration keeps the map non-decreasing.
  return { intercept: beta[0] as number, slope: beta[1] as number, curvature: beta[2] as number };
}

export function plattProbability(fit: PlattFit, score: number): number {
  const x = score / 100 - 0.5;
  return sigmoid(fit.intercept + fit.slope * x + fit.curvature * x * x);
}
