/**
 * Area under the ROC curve: the chance that a random converted lead outscores a random
 * non-converted one, ties counting half (the Mann–Whitney statistic). NaN without both classes.
 */
export function areaUnderCurve(scores: readonly number[], outcomes: readonly boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSumOfPositives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && scores[order[end] as number] === scores[order[start] as number]) end++;
    const averageRank = (start + end + 1) / 2; // ranks are 1-based; tied scores share their mean rank
    for (let k = start; k < end; k++) {
      if (outcomes[order[k] as number]) {
        positives++;
        rankSumOfPositives += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumOfPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
