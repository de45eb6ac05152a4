import fc from 'fast-check';
import { decide } from '../../../src/core/decide';
import { defaultDefinition } from '../../../src/core/default-definition';
import { activityKinds } from '../../../src/core/lead';
import { wouldChangeStage } from '../../../src/core/would-change-stage';
import { makeLead, makeOwner, signal } from '../make-lead';
import { dayMs } from './loop-fixtures';

const t0 = new Date('2026-03-02T15:00:00.000Z');
const day = (n: number) => new Date(t0.getTime() + n * dayMs);
const owners = [makeOwner('o1', { teams: ['East'] })];
/** Fit 65 plus a webinar today: exactly sales-ready at 70, and the webinar's 5 points fade with a 30-day half-life. */
const lead = makeLead({ title: 'VP Sales', employees: 120, phone: '+1 415 867 5309', activity: [signal('webinar', 1, t0.toISOString())] });
const routed = decide(lead, defaultDefinition, { owners, routingState: {}, previous: null }, t0);

describe('wouldChangeStage (the daily decay job)', () => {
  test('stays quiet until decay takes the score across the threshold', () => {
    expect(routed).toMatchObject({ stage: 'sales_ready', score: 70 });
    // 65 + 5 × 0.5^(4/30) = 69.56 rounds to 70; after 5 days 69.45 rounds to 69.
    expect(wouldChangeStage(routed, lead, defaultDefinition, day(4))).toBe(false);
    expect(wouldChangeStage(routed, lead, defaultDefinition, day(5))).toBe(true);
    expect(decide(lead, defaultDefinition, { owners, routingState: {}, previous: routed }, day(5))).toMatchObject({ stage: 'mql', score: 69 });
  });

  test('an accepted lead never changes stage with decay', () => {
    const accepted = decide({ ...lead, status: 'working' }, defaultDefinition, { owners, routingState: {}, previous: routed }, day(1));
    expect(accepted.stage).toBe('sql');
    expect(wouldChangeStage(accepted, { ...lead, status: 'NEW' }, defaultDefinition, day(200))).toBe(false);
  });

  test('agrees with decide for any lead and any day', () => {
    const activity = fc.array(
      fc.record({ kind: fc.constantFrom(...activityKinds), count: fc.integer({ min: 0, max: 12 }), lastAt: fc.integer({ min: -60, max: 0 }).map((d) => day(d).toISOString()) }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(activity, fc.constantFrom('VP Sales', 'Engineer', null), fc.integer({ min: 0, max: 120 }), (signals, title, days) => {
        const subject = makeLead({ title, employees: 120, phone: '+1 415 867 5309', activity: signals });
        const before = decide(subject, defaultDefinition, { owners, routingState: {}, previous: null }, t0);
        const after = decide(subject, defaultDefinition, { owners, routingState: {}, previous: before }, day(days));
        expect(wouldChangeStage(before, subject, defaultDefinition, day(days))).toBe(after.stage !== before.stage);
      }),
      { numRuns: 300 },
    );
  });
});
