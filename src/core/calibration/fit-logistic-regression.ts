import type { SparseDesign } from './sparse-design';
import { solvePositiveDefinite } from './solve-positive-definite';

export interface LogisticFitOptions {
  /** L2 penalty per column (the intercept is never penalised). */
  penalties: readonly number[];
  /** Per-row weights (default 1). */
  weights?: readonly number[];
  maxIterations?: number;
  /** A model to start from (e.g. the fit for a neighbouring penalty): fewer Newton steps. */
  start?: LogisticModel;
}

export interface LogisticModel {
  intercept: number;
  coefficients: Float64Array;
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS) with step halving. The penalty
 * makes the problem strictly convex, so it converges to the one optimum whatever the data.
 */
export function fitLogisticRegression(design: SparseDesign, outcomes: readonly boolean[], options: LogisticFitOptions): LogisticModel {
  const p = design.columns + 1; // column 0 is the intercept
  const w = new Float64Array(p);
  const weights = options.weights;
  let totalWeight = 0;
  let positiveWeight = 0;
  outcomes.forEach((y, i) => {
    const weight = weights?.[i] ?? 1;
    totalWeight += weight;
    if (y) positiveWeight += weight;
  });
  // Start at the base rate: the first Newton step is then small and well-conditioned.
  const base = Math.min(Math.max(positiveWeight / Math.max(totalWeight, 1e-12), 1e-6), 1 - 1e-6);
  w[0] = Math.log(base / (1 - base));
  if (options.start !== undefined && options.start.coefficients.length === design.columns) {
    w[0] = options.start.intercept;
    w.set(options.start.coefficients, 1);
  }

  let objective = penalisedLoss(design, outcomes, options, w);
  for (let iteration = 0; iteration < (options.maxIterations ?? 100); iteration++) {
    const { gradient, hessian } = derivatives(design, outcomes, options, w);
    const step = solvePositiveDefinite(hessian, gradient, p);
    if (step === null) break;
    let scale = 1;
    let next = w;
    let nextObjective = objective;
    for (let halving = 0; halving < 30; halving++) {
      next = w.map((value, j) => value - scale * (step[j] as number));
      nextObjective = penalisedLoss(design, outcomes, options, next);
      if (nextObjective <= objective + 1e-12) break;
      scale /= 2;
    }
    const improvement = objective - nextObjective;
    w.set(next);
    objective = nextObjective;
    let largestStep = 0;
    for (const s of step) largestStep = Math.max(largestStep, Math.abs(s * scale));
    if (largestStep < 1e-7 || improvement < 1e-10 * Math.max(1, Math.abs(objective))) break;
  }
  return { intercept: w[0] as number, coefficients: w.slice(1) };
}

/** The model's log-odds for one row. */
export function logOdds(model: LogisticModel, active: Int32Array): number {
  let z = model.intercept;
  for (const column of active) z += model.coefficients[column] as number;
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function linear(active: Int32Array, w: Float64Array): number {
  let z = w[0] as number;
  for (const column of active) z += w[column + 1] as number;
  return z;
}

function penalisedLoss(design: SparseDesign, outcomes: readonly boolean[], options: LogisticFitOptions, w: Float64Array): number {
  let loss = 0;
  design.rows.forEach((active, i) => {
    const z = linear(active, w);
    // log(1 + e^z) without overflow; minus z for a converted row.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += (options.weights?.[i] ?? 1) * (softplus - (outcomes[i] ? z : 0));
  });
  for (let j = 1; j < w.length; j++) loss += 0.5 * (options.penalties[j - 1] ?? 0) * (w[j] as number) ** 2;
  return loss;
}

function derivatives(design: SparseDesign, outcomes: readonly boolean[], options: LogisticFitOptions, w: Float64Array) {
  const p = w.length;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const rows = design.rows;
  for (let i = 0; i < rows.length; i++) {
    const active = rows[i] as Int32Array;
    const weight = options.weights?.[i] ?? 1;
    const prob = sigmoid(linear(active, w));
    const residual = weight * (prob - (outcomes[i] ? 1 : 0));
    const curvature = weight * prob * (1 - prob);
    gradient[0] = (gradient[0] as number) + residual;
    hessian[0] = (hessian[0] as number) + curvature;
    // Active columns are ascending, so the lower triangle is the pairs (x, y ≤ x).
    for (let x = 0; x < active.length; x++) {
      const ja = (active[x] as number) + 1;
      gradient[ja] = (gradient[ja] as number) + residual;
      hessian[ja] = (hessian[ja] as number) + curvature; // row 0, column ja
      const rowStart = ja * p;
      for (let y = 0; y <= x; y++) {
        const at = rowStart + (active[y] as number) + 1;
        hessian[at] = (hessian[at] as number) + curvature;
      }
    }
  }
  // Only the lower triangle (and row 0) was accumulated: mirror it.
  for (let j = 1; j < p; j++) {
    hessian[j * p] = hessian[j] as number;
    for (let k = 1; k < j; k++) hessian[k * p + j] = hessian[j * p + k] as number;
  }
  for (let j = 1; j < p; j++) {
    const penalty = options.penalties[j - 1] ?? 0;
    gradient[j] = (gradient[j] as number) + penalty * (w[j] as number);
    // A tiny ridge keeps columns no row uses (penalty 0) from making the Hessian singular.
    hessian[j * p + j] = (hessian[j * p + j] as number) + penalty + 1e-9;
  }
  return { gradient, hessian };
}
