import { activityNouns } from './activity-phrases';
import { summarizeActivity } from './activity-summary';
import { apportionPoints } from './apportion-points';
import type { CompiledDefinition, CompiledRule } from './compile-definition';
import { decayedPoints } from './decayed-points';
import type { Reason } from './decision';
import type { Definition, IntentSignal } from './definition';
import type { Lead } from './lead';
import { utcDayText } from './utc-day-text';

/** The scored evidence for one lead, before any stage is chosen. */
export interface ScoreSheet {
  score: number;
  fitScore: number;
  intentScore: number;
  /** Intent points before scaling to 100, after decay and the cap: what auto-accept compares. */
  intentRawPoints: number;
  /** Criteria, intent signals, then disqualifiers that hold; integer points summing to `score`. */
  reasons: Reason[];
  metCriteria: ReadonlySet<string>;
  disqualifiedBy: string[];
}

/**
 * Scores a lead: raw points per criterion and decayed, capped intent signal, scaled so the best
 * possible lead scores 100, then rounded so the reasons' integer points add up exactly to the
 * score. A disqualified lead scores 0; its first disqualifier reason cancels the other points.
 */
export function scoreLead(lead: Lead, definition: Definition, compiled: CompiledDefinition, now: Date): ScoreSheet {
  const { criteria, intent, disqualifiers } = definition;
  const reasons: Reason[] = [];
  const rawPoints: number[] = [];
  const metCriteria = new Set<string>();
  criteria.forEach((criterion, i) => {
    const rule = compiled.criteria[i] as CompiledRule;
    const met = rule.holds(lead, compiled.lists);
    if (met) metCriteria.add(criterion.id);
    const evidence = rule.evidence(lead);
    reasons.push({ criterionId: criterion.id, label: criterion.label, kind: criterion.kind, met, points: 0, evidence });
    rawPoints.push(met ? criterion.points : 0);
  });
  const activity = summarizeActivity(lead.activity);
  let intentUncapped = 0;
  for (const signal of intent.signals) {
    const total = activity.get(signal.activity);
    const count = total?.count ?? 0;
    const lastAtMs = total?.lastAtMs ?? null;
    const met = count >= signal.minCount;
    const points = met ? decayedPoints(signal.points, lastAtMs, intent.halfLifeDays, now.getTime()) : 0;
    const evidence = activityEvidence(signal, count, lastAtMs);
    reasons.push({ criterionId: signal.id, label: signal.label, kind: 'intent', met, points: 0, evidence });
    rawPoints.push(points);
    intentUncapped += points;
  }

  // When the intent cap bites, every signal gives up the same share of its points.
  const cap = intentUncapped > intent.maxPoints ? intent.maxPoints / intentUncapped : 1;
  let fitTotal = 0;
  let intentTotal = 0;
  const scaled = rawPoints.map((raw, i) => {
    const share = ((i < criteria.length ? raw : raw * cap) * 100) / compiled.rawMaxPoints;
    if (i < criteria.length) fitTotal += share;
    else intentTotal += share;
    return share;
  });
  const score = Math.round(fitTotal + intentTotal);
  const points = apportionPoints(scaled, score);
  reasons.forEach((reason, i) => {
    reason.points = points[i] ?? 0;
  });

  const disqualifiedBy: string[] = [];
  disqualifiers.forEach((disqualifier, i) => {
    const rule = compiled.disqualifiers[i] as CompiledRule;
    if (!rule.holds(lead, compiled.lists)) return;
    reasons.push({
      criterionId: disqualifier.id,
      label: disqualifier.label,
      kind: 'disqualifier',
      met: true,
      // `0 - score`, not `-score`: no -0 when the score is 0.
      points: disqualifiedBy.length === 0 ? 0 - score : 0,
      evidence: rule.evidence(lead),
    });
    disqualifiedBy.push(disqualifier.id);
  });

  return {
    score: disqualifiedBy.length > 0 ? 0 : score,
    fitScore: Math.round(fitTotal),
    intentScore: Math.round(intentTotal),
    intentRawPoints: Math.min(intentUncapped, intent.maxPoints),
    reasons,
    metCriteria,
    disqualifiedBy,
  };
}

/** "3 pricing page views, last 2026-02-27": a date, not "4 days ago", so the text only changes with the facts. */
function activityEvidence(signal: IntentSignal, count: number, lastAtMs: number | null): string {
  const [singular, plural] = activityNouns[signal.activity];
  const counted = `${count} ${count === 1 ? singular : plural}`;
  if (count === 0) return counted;
  return lastAtMs === null ? `${counted}, last one undated` : `${counted}, last ${utcDayText(lastAtMs)}`;
}
