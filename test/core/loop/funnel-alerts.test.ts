import { detectFunnelAlerts, type FunnelWeek } from '../../../src/core/notify/detect-funnel-alerts';

/** Four steady weeks: 100 created, 40 MQL, 12 SQL (30 %), 10 disqualified (10 %). */
const steady: FunnelWeek[] = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'].map((weekStart) => ({
  weekStart,
  created: 100,
  mql: 40,
  sql: 12,
  disqualified: 10,
}));
const week = (changes: Partial<FunnelWeek>): FunnelWeek => ({ weekStart: '2026-03-02', created: 100, mql: 40, sql: 12, disqualified: 10, ...changes });

describe('detectFunnelAlerts', () => {
  test('a normal week raises nothing', () => {
    expect(detectFunnelAlerts({ weekly: [...steady, week({ sql: 11, disqualified: 12 })], margin: 0.25 })).toEqual([]);
  });

  test('MQL→SQL conversion dropping beyond the margin raises an alert', () => {
    const alerts = detectFunnelAlerts({ weekly: [...steady, week({ sql: 6 })], margin: 0.25 });
    expect(alerts).toEqual([
      {
        kind: 'conversion_drop',
        weekStart: '2026-03-02',
        current: 0.15,
        baseline: 0.3,
        change: -0.5,
        message: 'MQL→SQL conversion fell to 15% from 30% over the previous four weeks (-50%).',
      },
    ]);
  });

  test('a drop within the margin does not', () => {
    // 9/40 = 22.5 %: 25 % lower, not more.
    expect(detectFunnelAlerts({ weekly: [...steady, week({ sql: 9 })], margin: 0.25 })).toEqual([]);
  });

  test('a disqualification spike raises an alert, in any input order', () => {
    const alerts = detectFunnelAlerts({ weekly: [week({ disqualified: 25 }), ...[...steady].reverse()], margin: 0.5 });
    expect(alerts.map((a) => [a.kind, a.current, a.baseline])).toEqual([['disqualification_spike', 0.25, 0.1]]);
    expect(alerts[0]?.message).toBe('Disqualified leads rose to 25% of new leads from 10% over the previous four weeks.');
  });

  test('both at once', () => {
    expect(detectFunnelAlerts({ weekly: [...steady, week({ sql: 2, disqualified: 40 })], margin: 0.3 }).map((a) => a.kind)).toEqual([
      'conversion_drop',
      'disqualification_spike',
    ]);
  });

  test('not enough history, or too small a week, raises nothing', () => {
    expect(detectFunnelAlerts({ weekly: [...steady.slice(1), week({ sql: 0 })], margin: 0.25 })).toEqual([]);
    expect(detectFunnelAlerts({ weekly: [...steady, week({ created: 6, mql: 5, sql: 0, disqualified: 5 })], margin: 0.25 })).toEqual([]);
    expect(detectFunnelAlerts({ weekly: [...steady, week({ created: 6, mql: 5, sql: 0, disqualified: 5 })], margin: 0.25, minVolume: 5 })).toHaveLength(2);
  });

  test('from a zero baseline, disqualifications alert once they pass the margin itself', () => {
    const clean = steady.map((w) => ({ ...w, disqualified: 0 }));
    expect(detectFunnelAlerts({ weekly: [...clean, week({ disqualified: 5 })], margin: 0.1 })).toEqual([]);
    expect(detectFunnelAlerts({ weekly: [...clean, week({ disqualified: 20 })], margin: 0.1 }).map((a) => a.kind)).toEqual(['disqualification_spike']);
  });
});
