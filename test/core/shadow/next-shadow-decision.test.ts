import { decide } from '../../../src/core/decide';
import { defaultDefinition } from '../../../src/core/default-definition';
import type { Definition } from '../../../src/core/definition';
import type { Lead } from '../../../src/core/lead';
import { nextShadowDecision } from '../../../src/core/shadow/next-shadow-decision';
import { makeLead, makeOwner, signal } from '../make-lead';

const now = new Date('2026-03-02T10:00:00.000Z');
const stricter: Definition = { ...defaultDefinition, name: 'Stricter', thresholds: { mql: 50, salesReady: 95 }, autoAccept: null, calibration: { method: 'platt', points: [[0, 0.05], [100, 0.65]] } };
const context = { owners: [makeOwner('o1', { teams: ['West'] })], routingState: {}, previous: null };
const readyLead = makeLead({ title: 'VP Sales', employees: 200, country: 'United States', state: 'CA', activity: [signal('demo_request', 1, '2026-03-01T00:00:00.000Z')] });

function pass(lead: Lead, prior: ReturnType<typeof nextShadowDecision>) {
  return nextShadowDecision({
    prior,
    live: { decision: decide(lead, defaultDefinition, context, now), definition: defaultDefinition },
    candidate: { decision: decide(lead, stricter, context, now), definition: stricter },
    now,
  });
}

describe('nextShadowDecision', () => {
  it("keeps both definitions' own calls, with the candidate's calibrated probability and why", () => {
    const first = pass(readyLead, null);
    const live = decide(readyLead, defaultDefinition, context, now);
    const candidate = decide(readyLead, stricter, context, now);
    expect(live.stage).toBe('sales_ready');
    expect(candidate.stage).toBe('mql');
    expect(first).toEqual({
      recordId: readyLead.recordId,
      live: { score: live.score, stage: 'sales_ready', probability: null, why: live.why, definitionVersion: defaultDefinition.version },
      candidate: { score: candidate.score, stage: 'mql', probability: 0.05 + (0.6 * candidate.score) / 100, why: candidate.why },
      decidedAt: now.toISOString(),
    });
  });

  it('keeps the calls made before sales had their say: a rejection changes neither side', () => {
    const first = pass(readyLead, null);
    expect(pass({ ...readyLead, rejectionReason: 'no_budget' }, first)).toBeNull();
  });

  it('updates only the side that still makes its own call', () => {
    const first = pass(readyLead, null);
    const liveBefore = decide(readyLead, defaultDefinition, context, now);
    // A rep logs a call an hour later: the live lead is accepted (its own call stays), the candidate never handed it over.
    const later = new Date(now.getTime() + 3_600_000);
    const touched = { ...readyLead, title: 'Head of Sales', raw: { notes_last_contacted: new Date(now.getTime() + 60_000).toISOString() } };
    const live = decide(touched, defaultDefinition, { ...context, previous: liveBefore }, later);
    const candidate = decide(touched, stricter, context, later);
    expect(live.stage).toBe('sql');
    const next = nextShadowDecision({ prior: first, live: { decision: live, definition: defaultDefinition }, candidate: { decision: candidate, definition: stricter }, now: later });
    expect(next).toEqual({ ...first, candidate: expect.objectContaining({ stage: candidate.stage, why: candidate.why }), decidedAt: later.toISOString() });
    expect(next?.live).toEqual(first?.live);
    expect(next?.candidate.why).not.toBe(first?.candidate.why);
  });

  it('leaves out a record sales had already taken when the run first saw it', () => {
    expect(pass({ ...readyLead, status: 'IN_PROGRESS' }, null)).toBeNull();
  });
});
