import fc from 'fast-check';
import { addCivilDays, isoWeekday } from '../../../src/core/civil-date';
import { slaDueAt } from '../../../src/core/sla-due-at';
import type { BusinessHours } from '../../../src/core/sla-policy-schema';
import { zonedParts } from '../../../src/core/zoned-parts';
import { hourMs } from './loop-fixtures';

const ny = 'America/New_York';
const nineToFive: BusinessHours = { enabled: true, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
const due = (routedAt: string, hours: number, hoursOn: BusinessHours = nineToFive, zone = ny) =>
  slaDueAt(new Date(routedAt), hours, hoursOn, zone).toISOString();

describe('slaDueAt on the plain clock', () => {
  test('adds the hours, nights and weekends included', () => {
    expect(due('2026-03-06T21:00:00.000Z', 24, { ...nineToFive, enabled: false })).toBe('2026-03-07T21:00:00.000Z');
    expect(due('2026-03-06T21:00:00.000Z', 1, { ...nineToFive, enabled: false })).toBe('2026-03-06T22:00:00.000Z');
  });
});

describe('slaDueAt in business hours (America/New_York, 9–17, Monday to Friday)', () => {
  test('within one day', () => {
    // Monday 10:00 EST + 1 h.
    expect(due('2026-03-02T15:00:00.000Z', 1)).toBe('2026-03-02T16:00:00.000Z');
  });

  test('Friday afternoon to Monday morning, across the weekend', () => {
    // Friday 27 Feb 16:00 EST: 1 h on Friday, 3 h on Monday 2 March → 12:00 EST.
    expect(due('2026-02-27T21:00:00.000Z', 4)).toBe('2026-03-02T17:00:00.000Z');
  });

  test('across the weekend the clocks spring forward (8 March 2026)', () => {
    // Friday 6 March 16:00 EST; Monday 9 March is on EDT, so 12:00 local is 16:00 UTC, not 17:00.
    expect(due('2026-03-06T21:00:00.000Z', 4)).toBe('2026-03-09T16:00:00.000Z');
  });

  test('across the weekend the clocks fall back (1 November 2026)', () => {
    // Friday 30 October 15:00 EDT: 2 h on Friday, 2 h on Monday 2 November → 11:00 EST = 16:00 UTC.
    expect(due('2026-10-30T19:00:00.000Z', 4)).toBe('2026-11-02T16:00:00.000Z');
  });

  test('a hand-over at night or at the weekend starts at the next opening', () => {
    // Saturday 7 March, and Monday 2 March 06:00 EST.
    expect(due('2026-03-07T15:00:00.000Z', 1)).toBe('2026-03-09T14:00:00.000Z');
    expect(due('2026-03-02T11:00:00.000Z', 1)).toBe('2026-03-02T15:00:00.000Z');
    // Monday 2 March 18:00 EST: after closing, so Tuesday 10:00.
    expect(due('2026-03-02T23:00:00.000Z', 1)).toBe('2026-03-03T15:00:00.000Z');
  });

  test('a 24 h SLA is three business days, not one calendar day', () => {
    // Monday 10:00: 7 h Monday, 8 Tuesday, 8 Wednesday, 1 Thursday → Thursday 10:00 EST.
    expect(due('2026-03-02T15:00:00.000Z', 24)).toBe('2026-03-05T15:00:00.000Z');
  });

  test('an SLA that uses up the day is due at closing, not at the next opening', () => {
    expect(due('2026-03-02T14:00:00.000Z', 8)).toBe('2026-03-02T22:00:00.000Z');
  });

  test("reads the hours in the owner's zone", () => {
    // Monday 2 March 09:30 in Berlin is 08:30 UTC; 1 h later.
    expect(due('2026-03-02T08:30:00.000Z', 1, nineToFive, 'Europe/Berlin')).toBe('2026-03-02T09:30:00.000Z');
    // Weekend days can be any: Sunday to Thursday.
    expect(due('2026-03-06T08:00:00.000Z', 1, { ...nineToFive, days: [7, 1, 2, 3, 4] }, 'Asia/Dubai')).toBe('2026-03-08T06:00:00.000Z');
  });
});

describe('slaDueAt (properties)', () => {
  const zones = fc.constantFrom(ny, 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles', 'UTC');
  const hoursArb = fc.record({
    start: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 1, max: 10 }),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  });
  const toBusinessHours = (h: { start: number; length: number; days: number[] }): BusinessHours => ({
    enabled: true,
    start: `${String(h.start).padStart(2, '0')}:00`,
    end: `${String(Math.min(23, h.start + h.length)).padStart(2, '0')}:${h.start + h.length > 23 ? '59' : '00'}`,
    days: h.days,
  });
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });

  test('the due time always falls inside business hours, on a business day, after the hand-over', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 72 }), hoursArb, zones, (routedMs, hours, h, zone) => {
        const businessHours = toBusinessHours(h);
        const dueMs = slaDueAt(new Date(routedMs), hours, businessHours, zone).getTime();
        const local = zonedParts(dueMs, zone);
        const minutes = local.hour * 60 + local.minute;
        const [sh, sm] = businessHours.start.split(':').map(Number) as [number, number];
        const [eh, em] = businessHours.end.split(':').map(Number) as [number, number];
        expect(businessHours.days).toContain(local.weekday);
        expect(minutes).toBeGreaterThanOrEqual(sh * 60 + sm);
        expect(minutes).toBeLessThanOrEqual(eh * 60 + em);
        expect(dueMs - routedMs).toBeGreaterThanOrEqual(hours * hourMs);
      }),
      { numRuns: 300 },
    );
  });

  test('the business time between hand-over and due time is exactly the SLA (counted minute by minute)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), zones, (routedMs, hours, zone) => {
        const start = Math.ceil(routedMs / 60_000) * 60_000;
        const dueMs = slaDueAt(new Date(start), hours, nineToFive, zone).getTime();
        let open = 0;
        for (let t = start; t < dueMs; t += 60_000) {
          const p = zonedParts(t, zone);
          const m = p.hour * 60 + p.minute;
          if (p.weekday <= 5 && m >= 9 * 60 && m < 17 * 60) open += 1;
        }
        expect(open).toBe(hours * 60);
      }),
      { numRuns: 40 },
    );
  });
});

describe('civil dates', () => {
  test('add days across month ends and know their weekday', () => {
    expect(addCivilDays({ year: 2026, month: 2, day: 27 }, 3)).toEqual({ year: 2026, month: 3, day: 2 });
    expect(isoWeekday({ year: 2026, month: 3, day: 1 })).toBe(7);
    expect(isoWeekday({ year: 2026, month: 3, day: 2 })).toBe(1);
  });
});
