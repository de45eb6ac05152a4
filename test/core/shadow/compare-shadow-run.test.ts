import type { Decision } from '../../../src/core/decision';
import { compareShadowRun, type ShadowComparisonInput } from '../../../src/core/shadow/compare-shadow-run';
import type { ShadowDecision } from '../../../src/core/shadow/shadow-run';
import type { Stage } from '../../../src/core/stage';
import { decision } from '../../store/fixtures';

const run = { id: 7, definitionId: 12, startedAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-15T00:00:00.000Z', stoppedAt: null, startedBy: 'maria' };

function row(recordId: string, live: [Stage, number], candidate: [Stage, number]): ShadowDecision {
  return {
    recordId,
    live: { stage: live[0], score: live[1], probability: null, why: `live ${recordId}`, definitionVersion: 1 },
    candidate: { stage: candidate[0], score: candidate[1], probability: candidate[1] / 100, why: `candidate ${recordId}` },
    decidedAt: '2026-03-02T00:00:00.000Z',
  };
}

const accepted = (recordId: string): Decision => decision({ recordId, stage: 'sql', acceptedAt: '2026-03-03T00:00:00.000Z', rejection: null });
const rejected = (recordId: string): Decision =>
  decision({ recordId, stage: 'nurture', rejection: { reason: 'no_budget', note: null, rejectedAt: '2026-03-03T00:00:00.000Z' } });
const waiting = (recordId: string): Decision => decision({ recordId, stage: 'sales_ready', rejection: null, acceptedAt: null });

/**
 * r1 accepted, r2 rejected on the decision, r3 awaiting, r4 won (lead facts), r5 rejected by feedback
 * the worker has not re-decided yet, r6 accepted (its older feedback, from before the run, does not count).
 */
function sixLeads(): ShadowComparisonInput {
  return {
    run,
    decisions: [
      row('r1', ['sales_ready', 80], ['mql', 60]),
      row('r2', ['sales_ready', 75], ['sales_ready', 90]),
      row('r3', ['mql', 50], ['sales_ready', 85]),
      row('r4', ['nurture', 30], ['nurture', 20]),
      row('r5', ['sales_ready', 72], ['nurture', 35]),
      row('r6', ['sales_ready', 90], ['sales_ready', 95]),
    ],
    latest: new Map([
      ['r1', accepted('r1')],
      ['r2', rejected('r2')],
      ['r3', waiting('r3')],
      ['r5', waiting('r5')],
      ['r6', accepted('r6')],
    ]),
    feedback: [
      { recordId: 'r5', rejectedAt: '2026-03-04T00:00:00.000Z' },
      { recordId: 'r6', rejectedAt: '2026-02-20T00:00:00.000Z' },
    ],
    won: new Set(['r4']),
  };
}

describe('compareShadowRun', () => {
  it('counts outcomes per record: won, then a rejection on the decision, then acceptance, then feedback since the start', () => {
    const report = compareShadowRun(sixLeads());
    expect(report).toMatchObject({ runId: 7, leads: 6, outcomes: { accepted: 2, won: 1, rejected: 2, awaiting: 1 } });
  });

  it("judges each definition's calls by the same outcomes", () => {
    const { live, candidate } = compareShadowRun({ ...sixLeads(), minOutcomes: 5 });

    expect(live.stages).toEqual({ disqualified: 0, nurture: 1, mql: 1, sales_ready: 4, sql: 0 });
    expect(live.salesReady).toBe(4);
    expect(live.salesReadyOutcomes).toEqual({ leads: 4, accepted: 2, won: 0, rejected: 2, awaiting: 0, acceptedRate: 0.5, rejectedRate: 0.5 });
    expect(live.mqlOrAboveOutcomes).toMatchObject({ leads: 5, accepted: 2, rejected: 2, awaiting: 1 });
    // r4 was won, yet both called it nurture.
    expect(live.missed).toBe(1);
    // Positives 80, 30, 90 against negatives 75, 72: 4 of 6 pairs ordered right.
    expect(live.auc).toBeCloseTo(4 / 6, 10);
    expect(live.calibration).toBeNull();

    expect(candidate.stages).toEqual({ disqualified: 0, nurture: 2, mql: 1, sales_ready: 3, sql: 0 });
    expect(candidate.salesReadyOutcomes).toEqual({ leads: 3, accepted: 1, won: 0, rejected: 1, awaiting: 1, acceptedRate: 0.5, rejectedRate: 0.5 });
    expect(candidate.mqlOrAboveOutcomes).toMatchObject({ leads: 4, accepted: 2, rejected: 1, awaiting: 1, acceptedRate: 2 / 3, rejectedRate: 1 / 3 });
    expect(candidate.missed).toBe(1);
    // Positives 60, 20, 95 against negatives 90, 35: 3 of 6.
    expect(candidate.auc).toBeCloseTo(0.5, 10);
    // Probabilities .6 .9 .2 .35 .95 (mean .6) against 3 positives of 5.
    expect(candidate.calibration?.leads).toBe(5);
    expect(candidate.calibration?.meanProbability).toBeCloseTo(0.6, 10);
    expect(candidate.calibration?.observedRate).toBeCloseTo(0.6, 10);
  });

  it('lists the leads called differently, those with an outcome first, with both whys', () => {
    const report = compareShadowRun({ ...sixLeads(), listChanges: 2 });
    expect(report.changed).toBe(3);
    expect(report.moves).toEqual(
      expect.arrayContaining([
        { from: 'sales_ready', to: 'mql', leads: 1 },
        { from: 'mql', to: 'sales_ready', leads: 1 },
        { from: 'sales_ready', to: 'nurture', leads: 1 },
      ]),
    );
    expect(report.changes).toEqual([
      { recordId: 'r1', live: 'sales_ready', candidate: 'mql', liveScore: 80, candidateScore: 60, liveWhy: 'live r1', candidateWhy: 'candidate r1', outcome: 'accepted' },
      { recordId: 'r5', live: 'sales_ready', candidate: 'nurture', liveScore: 72, candidateScore: 35, liveWhy: 'live r5', candidateWhy: 'candidate r5', outcome: 'rejected' },
    ]);
  });

  it('says plainly when too few outcomes arrived, and judges once enough did', () => {
    const early = compareShadowRun(sixLeads());
    expect(early.judgeable).toBe(false);
    expect(early.verdict).toMatch(/^Too few outcomes to judge yet: 5 of 6 leads have one \(at least 20 are needed\)/);

    const judged = compareShadowRun({ ...sixLeads(), minOutcomes: 5 });
    expect(judged.judgeable).toBe(true);
    expect(judged.verdict).toBe(
      'The candidate would have sent 3 leads to sales, 50% of those with an outcome accepted and 50% rejected; ' +
        'the live definition sent 4 leads to sales, 50% of those with an outcome accepted and 50% rejected. ' +
        'The candidate would have kept 1 accepted lead below MQL (live: 1). ' +
        'Its score separates accepted from rejected leads with AUC 0.500 (live 0.667).',
    );
  });

  it('needs accepted and rejected leads both, however many outcomes there are', () => {
    const input = sixLeads();
    const onlyAccepted = compareShadowRun({ ...input, latest: new Map(), feedback: [], won: new Set(['r1', 'r2', 'r3']), minOutcomes: 1 });
    expect(onlyAccepted.judgeable).toBe(false);
    expect(onlyAccepted.verdict).toContain('none was rejected yet');
    expect(onlyAccepted.live.auc).toBeNull();
  });

  it('reports an empty run without dividing by zero', () => {
    const report = compareShadowRun({ run, decisions: [], latest: new Map(), feedback: [], won: new Set() });
    expect(report.leads).toBe(0);
    expect(report.live.salesReadyOutcomes).toEqual({ leads: 0, accepted: 0, won: 0, rejected: 0, awaiting: 0, acceptedRate: null, rejectedRate: null });
    expect(report.verdict).toContain('0 of 0 leads');
  });
});
