import { areaUnderCurve } from '../calibration/area-under-curve';
import type { Decision } from '../decision';
import { stages, type Stage } from '../stage';
import type { ShadowCall, ShadowDecision, ShadowRun } from './shadow-run';
import { shadowOutcomeOf, type ShadowOutcome } from './shadow-outcome';

export interface ShadowComparisonInput {
  run: ShadowRun;
  decisions: readonly ShadowDecision[];
  /** Latest live decision per record id. */
  latest: ReadonlyMap<string, Decision>;
  /** Rejections recorded as feedback (any time; only those since the run started count). */
  feedback: ReadonlyArray<{ recordId: string; rejectedAt: string }>;
  /** Record ids the CRM says became customers. */
  won: ReadonlySet<string>;
  /** Fewer leads with an outcome than this, or no accepted or no rejected one: too early to judge (default 20). */
  minOutcomes?: number;
  /** How many stage differences to list (default 20). */
  listChanges?: number;
}

/** How the leads a definition put in one group fared. Rates are over the leads with an outcome. */
export interface GroupOutcomes {
  leads: number;
  /** Accepted by sales, won included. */
  accepted: number;
  won: number;
  rejected: number;
  /** No outcome yet: sales has not had their say (or never saw the lead). */
  awaiting: number;
  acceptedRate: number | null;
  rejectedRate: number | null;
}

export interface ShadowSide {
  stages: Record<Stage, number>;
  salesReady: number;
  /** The leads it called sales-ready. */
  salesReadyOutcomes: GroupOutcomes;
  /** The leads it called MQL or sales-ready. */
  mqlOrAboveOutcomes: GroupOutcomes;
  /** Accepted (or won) leads it called below MQL: leads sales wanted that it would have kept from them. */
  missed: number;
  /** Of its score, accepted-or-won against rejected; null without both. */
  auc: number | null;
  /** Mean calibrated probability against the observed acceptance, over the leads with an outcome; null without a calibration. */
  calibration: { leads: number; meanProbability: number; observedRate: number } | null;
}

export interface ShadowStageChange {
  recordId: string;
  live: Stage;
  candidate: Stage;
  liveScore: number;
  candidateScore: number;
  liveWhy: string;
  candidateWhy: string;
  outcome: ShadowOutcome | null;
}

export interface ShadowComparison {
  runId: number;
  /** Records the run scored (both definitions made their own call). */
  leads: number;
  outcomes: { accepted: number; won: number; rejected: number; awaiting: number };
  /** Enough outcomes arrived to judge: at least `minOutcomes`, accepted and rejected ones both. */
  judgeable: boolean;
  /** One paragraph in plain words: what the figures say, or that it is too early to say. */
  verdict: string;
  live: ShadowSide;
  candidate: ShadowSide;
  changed: number;
  moves: Array<{ from: Stage; to: Stage; leads: number }>;
  /** The first `listChanges` leads the two called differently, those with an outcome first. */
  changes: ShadowStageChange[];
}

const aboveMql: ReadonlySet<Stage> = new Set(['mql', 'sales_ready']);

/**
 * How a candidate definition did against the live one on the leads a shadow run scored, judged by
 * the outcomes that arrived since: sales accepted, rejected, or the lead was won. Pure.
 * Outcomes mostly arrive for leads the live definition sent to sales; the leads only the candidate
 * would have sent stay "awaiting", and the report counts them as such instead of guessing.
 */
export function compareShadowRun(input: ShadowComparisonInput): ShadowComparison {
  const startedAt = Date.parse(input.run.startedAt);
  const rejectedSinceStart = new Set(input.feedback.filter((f) => Date.parse(f.rejectedAt) >= startedAt).map((f) => f.recordId));
  const rows = input.decisions.map((decision) => ({
    decision,
    outcome: shadowOutcomeOf({
      latest: input.latest.get(decision.recordId),
      rejectedSinceStart: rejectedSinceStart.has(decision.recordId),
      won: input.won.has(decision.recordId),
    }),
  }));
  const outcomes = { accepted: 0, won: 0, rejected: 0, awaiting: 0 };
  for (const { outcome } of rows) {
    if (outcome === null) outcomes.awaiting++;
    else outcomes[outcome]++;
  }
  const live = sideOf(rows.map((r) => ({ call: r.decision.live, outcome: r.outcome })));
  const candidate = sideOf(rows.map((r) => ({ call: r.decision.candidate, outcome: r.outcome })));

  const moves = new Map<string, { from: Stage; to: Stage; leads: number }>();
  const differing = rows.filter((r) => r.decision.live.stage !== r.decision.candidate.stage);
  for (const { decision } of differing) {
    const key = `${decision.live.stage}>${decision.candidate.stage}`;
    const move = moves.get(key) ?? { from: decision.live.stage, to: decision.candidate.stage, leads: 0 };
    move.leads++;
    moves.set(key, move);
  }
  const changes = [...differing]
    .sort((a, b) => Number(a.outcome === null) - Number(b.outcome === null) || (a.decision.recordId < b.decision.recordId ? -1 : 1))
    .slice(0, input.listChanges ?? 20)
    .map(({ decision, outcome }) => ({
      recordId: decision.recordId,
      live: decision.live.stage,
      candidate: decision.candidate.stage,
      liveScore: decision.live.score,
      candidateScore: decision.candidate.score,
      liveWhy: decision.live.why,
      candidateWhy: decision.candidate.why,
      outcome,
    }));

  const known = outcomes.accepted + outcomes.won + outcomes.rejected;
  const minOutcomes = input.minOutcomes ?? 20;
  const judgeable = known >= minOutcomes && outcomes.rejected > 0 && outcomes.accepted + outcomes.won > 0;
  return {
    runId: input.run.id,
    leads: rows.length,
    outcomes,
    judgeable,
    verdict: judgeable ? verdictOf(live, candidate) : tooEarly(rows.length, known, minOutcomes, outcomes.rejected > 0, outcomes.accepted + outcomes.won > 0),
    live,
    candidate,
    changed: differing.length,
    moves: [...moves.values()].sort((a, b) => b.leads - a.leads),
    changes,
  };
}

function sideOf(calls: ReadonlyArray<{ call: ShadowCall; outcome: ShadowOutcome | null }>): ShadowSide {
  const stageCounts = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  for (const { call } of calls) stageCounts[call.stage]++;
  const positive = (o: ShadowOutcome | null) => o === 'accepted' || o === 'won';
  const judged = calls.filter((c) => c.outcome !== null);
  const auc = areaUnderCurve(judged.map((c) => c.call.score), judged.map((c) => positive(c.outcome)));
  const calibrated = judged.filter((c) => c.call.probability !== null);
  return {
    stages: stageCounts,
    salesReady: stageCounts.sales_ready,
    salesReadyOutcomes: groupOutcomes(calls.filter((c) => c.call.stage === 'sales_ready')),
    mqlOrAboveOutcomes: groupOutcomes(calls.filter((c) => aboveMql.has(c.call.stage))),
    missed: calls.filter((c) => positive(c.outcome) && !aboveMql.has(c.call.stage)).length,
    auc: Number.isNaN(auc) ? null : auc,
    calibration:
      calibrated.length === 0
        ? null
        : {
            leads: calibrated.length,
            meanProbability: calibrated.reduce((sum, c) => sum + (c.call.probability ?? 0), 0) / calibrated.length,
            observedRate: calibrated.filter((c) => positive(c.outcome)).length / calibrated.length,
          },
  };
}

function groupOutcomes(calls: ReadonlyArray<{ outcome: ShadowOutcome | null }>): GroupOutcomes {
  const count = (o: ShadowOutcome) => calls.filter((c) => c.outcome === o).length;
  const won = count('won');
  const accepted = count('accepted') + won;
  const rejected = count('rejected');
  const judged = accepted + rejected;
  return {
    leads: calls.length,
    accepted,
    won,
    rejected,
    awaiting: calls.length - judged,
    acceptedRate: judged === 0 ? null : accepted / judged,
    rejectedRate: judged === 0 ? null : rejected / judged,
  };
}

function tooEarly(leads: number, known: number, minOutcomes: number, anyRejected: boolean, anyAccepted: boolean): string {
  const missing = [known < minOutcomes ? `at least ${minOutcomes} are needed` : null, anyAccepted ? null : 'none was accepted yet', anyRejected ? null : 'none was rejected yet'].filter(
    (s): s is string => s !== null,
  );
  return `Too few outcomes to judge yet: ${known} of ${leads} leads have one (${missing.join('; ')}). Keep the run going; the figures below are only what arrived so far.`;
}

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}

function verdictOf(live: ShadowSide, candidate: ShadowSide): string {
  const sent = (side: ShadowSide) =>
    `${side.salesReady} leads to sales, ${percent(side.salesReadyOutcomes.acceptedRate)} of those with an outcome accepted and ${percent(side.salesReadyOutcomes.rejectedRate)} rejected`;
  const auc = live.auc !== null && candidate.auc !== null ? ` Its score separates accepted from rejected leads with AUC ${candidate.auc.toFixed(3)} (live ${live.auc.toFixed(3)}).` : '';
  return (
    `The candidate would have sent ${sent(candidate)}; the live definition sent ${sent(live)}. ` +
    `The candidate would have kept ${candidate.missed} accepted lead${candidate.missed === 1 ? '' : 's'} below MQL (live: ${live.missed}).${auc}`
  );
}
