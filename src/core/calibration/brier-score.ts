/** Mean squared gap between predicted probability and outcome (0 is perfect, 0.25 is a coin). */
export function brierScore(probabilities: readonly number[], outcomes: readonly boolean[]): number {
  if (probabilities.length === 0) return NaN;
  let sum = 0;
  probabilities.forEach((p, i) => {
    const gap = p - (outcomes[i] ? 1 : 0);
    sum += gap * gap;
  });
  return sum / probabilities.length;
}
