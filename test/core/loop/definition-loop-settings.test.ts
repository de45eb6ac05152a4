import { defaultDefinition } from '../../../src/core/default-definition';
import { definitionSchema } from '../../../src/core/definition';
import { defaultWorkingStatuses } from '../../../src/core/working-status';

/** A definition as stored before issue 5: no time zone, acceptance, feedback, caps, business hours or escalation. */
function storedBeforeTheLoop(): Record<string, unknown> {
  const { timeZone: _t, acceptance: _a, feedback: _f, ...rest } = JSON.parse(JSON.stringify(defaultDefinition)) as Record<string, unknown>;
  return {
    ...rest,
    sla: { hotHours: 1, standardHours: 24 },
    routing: { ...defaultDefinition.routing, pools: [{ id: 'east', name: 'East', members: [{ ownerId: 'o1', weight: 2 }] }] },
  };
}

describe('definition: settings for the loop between the teams', () => {
  test('a definition stored before them still parses, with defaults that change nothing', () => {
    const parsed = definitionSchema.parse(storedBeforeTheLoop());
    expect(parsed.timeZone).toBe('UTC');
    expect(parsed.acceptance).toEqual({ workingStatuses: [...defaultWorkingStatuses], touchFields: ['raw.notes_last_contacted', 'raw.hs_last_sales_activity_timestamp'] });
    expect(parsed.feedback).toEqual({ marketingOwnerId: null });
    expect(parsed.sla).toEqual({
      hotHours: 1,
      standardHours: 24,
      businessHours: { enabled: false, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      escalation: { action: 'alert_only', maxReassignments: 0 },
      dueSoonFraction: 0.25,
    });
    expect(parsed.routing.pools[0]?.members).toEqual([{ ownerId: 'o1', weight: 2, dailyCap: null, monthlyCap: null }]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['business hours ending before they start', { sla: { ...defaultDefinition.sla, businessHours: { enabled: true, start: '17:00', end: '09:00', days: [1] } } }, 'business hours must end at least an hour after they start, on the same day'],
    ['a time that is not HH:MM', { sla: { ...defaultDefinition.sla, businessHours: { enabled: true, start: '9am', end: '17:00', days: [1] } } }, 'times are "HH:MM", 24-hour'],
    ['a repeated business day', { sla: { ...defaultDefinition.sla, businessHours: { enabled: true, start: '09:00', end: '17:00', days: [1, 1] } } }, 'business days must not repeat'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'unknown time zone'],
    ['a touch field that is not a lead field', { acceptance: { workingStatuses: [], touchFields: ['lastContacted'] } }, 'touch fields are lead fields or raw.<property>'],
  ])('refuses %s', (_, changes, message) => {
    const result = definitionSchema.safeParse({ ...defaultDefinition, ...changes });
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toContain(message);
  });
});
