import type { Calibration } from '../definition';
import { fitIsotonic } from './fit-isotonic';
import { fitPlatt, plattProbability } from './fit-platt';

export type CalibrationMethod = Calibration['method'];

/**
 * The score → probability map for a definition, fitted on scores and outcomes: Platt's logistic
 * curve sampled at every integer score, or the isotonic steps pinned at each block's mean score.
 */
export function fitCalibration(scores: readonly number[], outcomes: readonly boolean[], method: CalibrationMethod, weights?: readonly number[]): Calibration {
  const converted = outcomes.filter(Boolean).length;
  const provenance = { rows: scores.length, converted };
  if (method === 'platt') {
    const fit = fitPlatt(scores, outcomes, weights);
    let floor = 0;
    const points = Array.from({ length: 101 }, (_, score): [number, number] => {
      // Rounded for a readable definition; the running maximum keeps rounding from breaking monotony.
      floor = Math.max(floor, round4(plattProbability(fit, score)));
      return [score, floor];
    });
    return { method, points, ...provenance };
  }
  const fit = fitIsotonic(scores, outcomes, weights);
  const points = fit.centres.map((centre, i): [number, number] => [round4(Math.min(100, Math.max(0, centre))), round4(fit.values[i] as number)]);
  return { method, points: dedupeScores(points), ...provenance };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Rounding may bring two block centres together; keep the later (higher) probability. */
function dedupeScores(points: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] >= point[0]) last[1] = Math.max(last[1], point[1]);
    else out.push(point);
  }
  return out.length === 0 ? [[0, 0]] : out;
}
