/** A non-decreasing step function: block `i` covers scores up to `upper[i]` and predicts `value[i]`. */
export interface IsotonicFit {
  /** Each block's mean score (where its value is pinned when interpolating). */
  centres: number[];
  values: number[];
  weights: number[];
}

/**
 * Pool-adjacent-violators: the non-decreasing fit of outcome rate on score with least squared
 * error. Equal scores are pooled first, so a score never maps to two probabilities.
 */
export function fitIsotonic(scores: readonly number[], outcomes: readonly boolean[], weights?: readonly number[]): IsotonicFit {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const centres: number[] = [];
  const values: number[] = [];
  const blockWeights: number[] = [];
  const tied: boolean[] = [];
  for (const i of order) {
    const score = scores[i] as number;
    const weight = weights?.[i] ?? 1;
    const y = outcomes[i] ? 1 : 0;
    const last = centres.length - 1;
    if (last >= 0 && tied[last] && centres[last] === score) {
      merge(last, score, y, weight);
    } else {
      centres.push(score);
      values.push(y);
      blockWeights.push(weight);
      tied.push(true);
    }
    // Pool while the newest block undercuts the one before it.
    while (values.length > 1 && (values[values.length - 2] as number) > (values[values.length - 1] as number)) {
      const v = values.pop() as number;
      const c = centres.pop() as number;
      const w = blockWeights.pop() as number;
      tied.pop();
      const k = values.length - 1;
      merge(k, c, v, w);
      tied[k] = false;
    }
  }
  return { centres, values, weights: blockWeights };

  function merge(k: number, centre: number, value: number, weight: number): void {
    const total = (blockWeights[k] as number) + weight;
    values[k] = ((values[k] as number) * (blockWeights[k] as number) + value * weight) / total;
    centres[k] = ((centres[k] as number) * (blockWeights[k] as number) + centre * weight) / total;
    blockWeights[k] = total;
  }
}
