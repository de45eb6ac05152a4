import { sigmoid } from './fit-logistic-regression';

export interface PlattFit {
  slope: number;
  intercept: number;
}

/**
 * Platt scaling: a logistic curve on the score. Accord's learned scores are a linear map of the
 * model's log-odds, so two parameters recover the probability without the steps isotonic leaves.
 * Uses Platt's smoothed targets so a perfectly separated sample does not push the curve to 0/1.
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
  // Newton on (intercept, slope) with the score scaled to 0–1 so the two steps stay comparable.
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 1e-9;
    let h01 = 0;
    let h11 = 1e-9;
    scores.forEach((score, i) => {
      const x = score / 100;
      const p = sigmoid(a + b * x);
      const w = weights?.[i] ?? 1;
      const r = w * (p - (outcomes[i] ? high : low));
      const c = w * p * (1 - p);
      g0 += r;
      g1 += r * x;
      h00 += c;
      h01 += c * x;
      h11 += c * x * x;
    });
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) break;
    let da = (h11 * g0 - h01 * g1) / det;
    let db = (h00 * g1 - h01 * g0) / det;
    // Newton can overshoot far from the optimum on a logistic loss; cap the step.
    const size = Math.hypot(da, db);
    if (size > 5) {
      da *= 5 / size;
      db *= 5 / size;
    }
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { intercept: a, slope: b / 100 };
}

export function plattProbability(fit: PlattFit, score: number): number {
  return sigmoid(fit.intercept + fit.slope * score);
}
