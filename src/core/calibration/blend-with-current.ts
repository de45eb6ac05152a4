import type { Criterion, Definition } from '../definition';

/**
 * Criteria and intent that score `weight × learned + (1 − weight) × current`: the learned criteria
 * (whose points sum to 100) scaled by the weight, the current definition's criteria and intent
 * scaled to the rest. Small samples thus lean on what the team wrote, large ones on the data.
 */
export function blendWithCurrent(learned: readonly Criterion[], current: Definition, weight: number): Pick<Definition, 'criteria' | 'intent'> {
  const learnedScale = weight;
  const currentMax = current.criteria.reduce((sum, c) => sum + c.points, 0) + current.intent.maxPoints;
  const currentScale = currentMax > 0 ? (100 * (1 - weight)) / currentMax : 0;
  const criteria = learned.map((c) => ({ ...c, points: round2(c.points * learnedScale) }));
  if (weight >= 1 || currentScale === 0) {
    return { criteria, intent: { maxPoints: 0, halfLifeDays: current.intent.halfLifeDays, signals: [] } };
  }
  return {
    criteria: [...criteria, ...current.criteria.map((c) => ({ ...c, points: round2(c.points * currentScale) }))],
    intent: {
      maxPoints: round2(current.intent.maxPoints * currentScale),
      halfLifeDays: current.intent.halfLifeDays,
      signals: current.intent.signals.map((s) => ({ ...s, points: round2(s.points * currentScale) })),
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
