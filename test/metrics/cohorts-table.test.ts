import { cohortsTable } from '../../src/metrics/cohorts-table';
import { DrillCells } from '../../src/metrics/drill-cells';
import { formatCellValue } from '../../src/metrics/format-cell-value';
import { weekStart } from '../../src/metrics/week-start';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import { days, timeline } from './make-timeline';

function values(table: DashboardTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatCellValue(row[c.key], c.format)));
}

const accepted = (created: number, sqlAfterDays: number | null) =>
  timeline({
    createdAt: days(created),
    reachedAt: { mql: days(created), sales_ready: days(created), sql: sqlAfterDays === null ? null : days(created + sqlAfterDays) },
  });

describe('weekStart', () => {
  it('is the Monday (UTC) of the week', () => {
    expect(weekStart('2026-03-02T00:00:00Z')).toBe('2026-03-02');
    expect(weekStart('2026-03-08T23:59:59Z')).toBe('2026-03-02');
    expect(weekStart('2026-03-09T00:00:00Z')).toBe('2026-03-09');
    expect(weekStart('2026-03-01T23:00:00-05:00')).toBe('2026-03-02');
  });
});

describe('cohortsTable', () => {
  it('gives each week its conversion at 7, 30 and 90 days, and shows young weeks as immature instead of low', () => {
    // now: 40 days after the first Monday.
    const now = Date.parse(days(40));
    const leads = [
      accepted(0, 3), // week 1, SQL within 7
      accepted(1, 20), // week 1, SQL within 30
      accepted(2, null), // week 1, never
      accepted(2, 100), // week 1, SQL after 90 days (not yet)
      accepted(28, 2), // week 5: its 7-day window closes on day 28 + 7 + 7 = 42, after now
      accepted(22, 1), // week 4
    ];
    const table = cohortsTable(new DrillCells(leads, now), leads, now);

    expect(values(table)).toEqual([
      ['2026-03-02', '4', '4', '25.0', '50.0', 'immature'],
      ['2026-03-23', '1', '1', '100.0', 'immature', 'immature'],
      ['2026-03-30', '1', '1', 'immature', 'immature', 'immature'],
    ]);
    expect(table.rows[0]?.sql30).toMatchObject({ value: 0.5, drill: 'cohort/2026-03-02/sql_30d' });
  });
});
