import { areaUnderCurve } from './area-under-curve';
import { seededRandom } from './seeded-random';

/**
 * How sure an AUC is: the 2.5th and 97.5th percentiles of the AUC over `rounds` resamples (with
 * replacement) of the rows. Seeded, so the same data gives the same interval.
 */
export function bootstrapAuc(scores: readonly number[], outcomes: readonly boolean[], rounds = 200, seed = 1): { low: number; high: number } {
  const n = scores.length;
  const random = seededRandom(seed);
  const aucs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const s: number[] = [];
    const y: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      s.push(scores[pick] as number);
      y.push(outcomes[pick] as boolean);
    }
    const auc = areaUnderCurve(s, y);
    if (!Number.isNaN(auc)) aucs.push(auc);
  }
  aucs.sort((a, b) => a - b);
  if (aucs.length === 0) return { low: NaN, high: NaN };
  const at = (q: number) => aucs[Math.min(aucs.length - 1, Math.max(0, Math.round(q * (aucs.length - 1))))] as number;
  return { low: at(0.025), high: at(0.975) };
}
