import { buildLeadTimelines } from '../../src/metrics/build-lead-timelines';
import { decisionAt, facts, hours } from './make-timeline';

describe('buildLeadTimelines', () => {
  it('counts a step as reached once any decision reached it, even after a rejection took the lead back', () => {
    const [t] = buildLeadTimelines(
      [
        decisionAt('r1', hours(0), { stage: 'mql', score: 45 }),
        decisionAt('r1', hours(5), { stage: 'sales_ready', score: 75, routedAt: hours(5), slaDueAt: hours(29), slaTier: 'standard', ownerId: 'o7' }),
        decisionAt('r1', hours(8), { stage: 'nurture', score: 75, ownerId: 'm1', rejection: { reason: 'no_budget', note: null, rejectedAt: hours(7) } }),
      ],
      [facts('r1', { createdAt: hours(-2) })],
    );

    expect(t).toMatchObject({
      recordId: 'r1',
      createdAt: hours(-2),
      stage: 'nurture',
      ownerId: 'm1',
      reachedAt: { mql: hours(0), sales_ready: hours(5), sql: null },
      handover: { routedAt: hours(5), slaDueAt: hours(29), tier: 'standard', ownerId: 'o7', withdrawnAt: null },
      // The rejection is sales' response: the SLA clock stops there.
      firstTouchAt: hours(7),
      rejection: { reason: 'no_budget', at: hours(7) },
    });
  });

  it('dates SQL at the acceptance, which pulls earlier steps along when a lead went straight to sales', () => {
    const [t, straight] = buildLeadTimelines(
      [
        decisionAt('r1', hours(1), { stage: 'sales_ready', routedAt: hours(1), slaDueAt: hours(2), slaTier: 'hot', ownerId: 'o1' }),
        decisionAt('r1', hours(3), { stage: 'sql', routedAt: hours(1), acceptedAt: hours(1.5), ownerId: 'o1' }),
        // Already being worked when Accord first saw it: never handed over, so no response time.
        decisionAt('r2', hours(4), { stage: 'sql', acceptedAt: hours(3.5) }),
      ],
      [],
    );

    expect(t).toMatchObject({ reachedAt: { mql: hours(1), sales_ready: hours(1), sql: hours(1.5) }, firstTouchAt: hours(1.5) });
    expect(straight).toMatchObject({ reachedAt: { mql: hours(3.5), sales_ready: hours(3.5), sql: hours(3.5) }, handover: null, firstTouchAt: null });
  });

  it('stops the SLA clock when the lead is taken back from sales untouched', () => {
    const [t] = buildLeadTimelines(
      [
        decisionAt('r1', hours(1), { stage: 'sales_ready', routedAt: hours(1), slaDueAt: hours(25), slaTier: 'standard' }),
        decisionAt('r1', hours(6), { stage: 'mql' }),
        decisionAt('r1', hours(30), { stage: 'sales_ready', routedAt: hours(30), slaDueAt: hours(54), slaTier: 'standard' }),
      ],
      [],
    );

    expect(t?.handover).toEqual({ routedAt: hours(1), slaDueAt: hours(25), tier: 'standard', ownerId: null, withdrawnAt: hours(6) });
  });

  it('groups decisions by record whatever their order, falls back to the first decision for the creation time, and lists versions', () => {
    const timelines = buildLeadTimelines(
      [
        decisionAt('b', hours(2), { definitionVersion: 2 }),
        decisionAt('a', hours(1), { definitionVersion: 1 }),
        decisionAt('b', hours(3), { definitionVersion: 1, stage: 'mql' }),
      ],
      [facts('a', { createdAt: null, source: null }), facts('never-decided')],
    );

    expect(timelines.map((t) => [t.recordId, t.createdAt, t.versions, t.stage, t.source])).toEqual([
      ['b', hours(2), [1, 2], 'mql', null],
      ['a', hours(1), [1], 'nurture', null],
    ]);
  });

  it('reads decisions stored before acceptedAt, rejection and escalations existed', () => {
    const old = decisionAt('r1', hours(0), { stage: 'sql' });
    delete old.acceptedAt;
    delete old.rejection;
    delete old.escalations;

    expect(buildLeadTimelines([old], [])[0]?.reachedAt).toEqual({ mql: hours(0), sales_ready: hours(0), sql: hours(0) });
  });

  it('carries outcome, close date and amount from the facts', () => {
    const [t] = buildLeadTimelines([decisionAt('r1', hours(0))], [facts('r1', { outcome: 'won', outcomeAt: hours(900), amount: 5000 })]);

    expect(t).toMatchObject({ outcome: 'won', outcomeAt: hours(900), amount: 5000 });
  });
});
