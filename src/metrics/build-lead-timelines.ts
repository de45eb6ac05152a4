import type { Decision } from '../core/decision';
import { decisionExtras } from '../core/decision-extras';
import type { Stage } from '../core/stage';
import type { LeadFacts } from '../store/store';
import { funnelStages, type FunnelStage, type Handover, type LeadTimeline } from './lead-timeline';

/** How far along the funnel a stage is; disqualified and nurture are before it. */
const stageRank: Record<Stage, number> = { disqualified: -1, nurture: -1, mql: 0, sales_ready: 1, sql: 2 };

/**
 * One timeline per record that has decisions, from its decisions in the order they were made
 * (`decisions` may mix records) and its facts, if any. A lead counts as having reached a step if any
 * decision in its history reached it, even when a later one took it back (a rejection, a re-score).
 */
export function buildLeadTimelines(decisions: readonly Decision[], facts: readonly LeadFacts[]): LeadTimeline[] {
  const histories = new Map<string, Decision[]>();
  for (const decision of decisions) {
    const history = histories.get(decision.recordId);
    if (history) history.push(decision);
    else histories.set(decision.recordId, [decision]);
  }
  const factsById = new Map(facts.map((f) => [f.recordId, f]));
  return [...histories].map(([recordId, history]) => timelineOf(recordId, history, factsById.get(recordId) ?? null));
}

function timelineOf(recordId: string, history: Decision[], facts: LeadFacts | null): LeadTimeline {
  const first = history[0] as Decision;
  const latest = history[history.length - 1] as Decision;
  const reachedAt: Record<FunnelStage, string | null> = { mql: null, sales_ready: null, sql: null };
  let handover: Handover | null = null;
  let firstTouchAt: string | null = null;
  let rejection: LeadTimeline['rejection'] = null;

  for (const decision of history) {
    const extras = decisionExtras(decision);
    // Acceptance is dated when sales touched the lead, which can be before the decision recording it.
    const rank = extras.acceptedAt !== null ? stageRank.sql : stageRank[decision.stage];
    funnelStages.forEach((stage, index) => {
      if (index > rank) return;
      const at = stage === 'sql' && extras.acceptedAt !== null ? extras.acceptedAt : decision.decidedAt;
      reachedAt[stage] = earliest(reachedAt[stage], at);
    });
    if (extras.rejection !== null && rejection === null) rejection = { reason: extras.rejection.reason, at: extras.rejection.rejectedAt };

    if (handover === null) {
      if (decision.stage === 'sales_ready' && decision.routedAt !== null && decision.slaDueAt !== null && decision.slaTier !== null) {
        handover = { routedAt: decision.routedAt, slaDueAt: decision.slaDueAt, tier: decision.slaTier, ownerId: decision.ownerId, withdrawnAt: null };
      }
    } else if (firstTouchAt === null && handover.withdrawnAt === null && stageRank[decision.stage] < stageRank.sales_ready && extras.rejection === null) {
      handover.withdrawnAt = decision.decidedAt;
    }
    if (handover !== null) {
      for (const touch of [extras.acceptedAt, extras.rejection?.rejectedAt ?? null]) {
        if (touch !== null && Date.parse(touch) >= Date.parse(handover.routedAt)) firstTouchAt = earliest(firstTouchAt, touch);
      }
    }
  }
  // A later step reached earlier than an earlier one (acceptance dated back) pulls the earlier one with it.
  reachedAt.sales_ready = earliest(reachedAt.sales_ready, reachedAt.sql);
  reachedAt.mql = earliest(reachedAt.mql, reachedAt.sales_ready);

  return {
    recordId,
    createdAt: facts?.createdAt ?? first.decidedAt,
    source: facts?.source ?? null,
    campaign: facts?.campaign ?? null,
    country: facts?.country ?? null,
    region: facts?.region ?? null,
    stage: latest.stage,
    score: latest.score,
    ownerId: latest.ownerId,
    versions: [...new Set(history.map((d) => d.definitionVersion))].sort((a, b) => a - b),
    reachedAt,
    handover,
    firstTouchAt,
    rejection,
    outcome: facts?.outcome ?? null,
    outcomeAt: facts?.outcomeAt ?? null,
    amount: facts?.amount ?? null,
  };
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
