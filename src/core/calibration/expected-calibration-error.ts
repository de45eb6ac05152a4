/**
 * Expected calibration error: leads put in equal-width probability bins (10 by default), then the
 * row-weighted mean gap between the predicted and the observed conversion rate of each bin.
 */
export function expectedCalibrationError(probabilities: readonly number[], outcomes: readonly boolean[], bins = 10): number {
  if (probabilities.length === 0) return NaN;
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  const counts = new Array<number>(bins).fill(0);
  probabilities.forEach((p, i) => {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    predicted[bin] = (predicted[bin] ?? 0) + p;
    observed[bin] = (observed[bin] ?? 0) + (outcomes[i] ? 1 : 0);
    counts[bin] = (counts[bin] ?? 0) + 1;
  });
  let error = 0;
  counts.forEach((count, bin) => {
    if (count > 0) error += Math.abs((predicted[bin] ?? 0) - (observed[bin] ?? 0)) / probabilities.length;
  });
  return error;
}
