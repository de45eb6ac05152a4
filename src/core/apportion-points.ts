/**
 * Largest-remainder apportionment: turns non-negative shares into integers that add up to exactly
 * `total`, each within 1 of its share. Ties go to the earlier share, so the result is deterministic.
 * `total` must lie between the sum of the shares' floors and the number of shares above that.
 */
export function apportionPoints(shares: readonly number[], total: number): number[] {
  const points: number[] = [];
  const remainders: number[] = [];
  let left = total;
  for (const share of shares) {
    const floor = Math.floor(share);
    points.push(floor);
    remainders.push(share - floor);
    left -= floor;
  }
  // `left` is below the number of shares, so repeated scans beat sorting (this runs per lead).
  for (; left > 0; left--) {
    let best = -1;
    let bestRemainder = -1;
    remainders.forEach((remainder, i) => {
      if (remainder > bestRemainder) {
        best = i;
        bestRemainder = remainder;
      }
    });
    if (best < 0) break;
    remainders[best] = -1; // raised once; never again
    points[best] = (points[best] ?? 0) + 1;
  }
  return points;
}
