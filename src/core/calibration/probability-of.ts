import type { Calibration, Definition } from '../definition';

/**
 * The probability that a lead with this score converts, from the definition's learned
 * calibration; null for a definition that was never calibrated.
 */
export function probabilityOf(score: number, definition: Pick<Definition, 'calibration'>): number | null {
  return definition.calibration === undefined ? null : interpolateCalibration(definition.calibration, score);
}

/** Linear between the calibration's points, flat beyond its first and last point. */
export function interpolateCalibration(calibration: Calibration, score: number): number {
  const points = calibration.points;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return NaN;
  if (score <= first[0]) return first[1];
  if (score >= last[0]) return last[1];
  let low = 0;
  let high = points.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if ((points[mid] as [number, number])[0] <= score) low = mid;
    else high = mid;
  }
  const [s0, p0] = points[low] as [number, number];
  const [s1, p1] = points[high] as [number, number];
  return p0 + ((p1 - p0) * (score - s0)) / (s1 - s0);
}
