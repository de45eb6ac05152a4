import { campaignsTable } from '../../src/metrics/campaigns-table';
import { DrillCells } from '../../src/metrics/drill-cells';
import { formatCellValue } from '../../src/metrics/format-cell-value';
import { rejectionsTable } from '../../src/metrics/rejections-table';
import { sourcesTable } from '../../src/metrics/sources-table';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import type { LeadTimeline } from '../../src/metrics/lead-timeline';
import { days, hours, timeline } from './make-timeline';

function values(table: DashboardTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatCellValue(row[c.key], c.format)));
}

const all = { mql: hours(1), sales_ready: hours(2), sql: hours(3) };
const mqlOnly = { mql: hours(1), sales_ready: null, sql: null };
const sentBack = (reason: string): Partial<LeadTimeline> => ({
  reachedAt: { mql: hours(1), sales_ready: hours(2), sql: null },
  rejection: { reason, at: hours(4) },
});

describe('source tables', () => {
  const leads = [
    timeline({ recordId: 'p1', source: 'PAID_SEARCH', campaign: 'spring', reachedAt: all, outcome: 'won', outcomeAt: days(30), amount: 12000 }),
    timeline({ recordId: 'p2', source: 'PAID_SEARCH', campaign: 'spring', reachedAt: all, outcome: 'won', outcomeAt: days(50), amount: null }),
    timeline({ recordId: 'p3', source: 'PAID_SEARCH', campaign: null, reachedAt: all, outcome: 'lost', outcomeAt: days(40) }),
    timeline({ recordId: 'p4', source: 'PAID_SEARCH', campaign: null, ...sentBack('no_budget') }),
    timeline({ recordId: 'o1', source: 'OFFLINE', reachedAt: mqlOnly }),
    timeline({ recordId: 'o2', source: 'OFFLINE', ...sentBack('student') }),
    timeline({ recordId: 'o3', source: 'OFFLINE', ...sentBack('custom reason') }),
    timeline({ recordId: 'n1', source: null }),
  ];
  const cells = new DrillCells(leads, Date.parse(days(100)));

  it('without outcomes shows volume and quality by source, and says why wins are missing', () => {
    const table = sourcesTable(cells, leads, false);

    expect(table.columns.map((c) => c.key)).toEqual(['source', 'leads', 'mql', 'salesReady', 'sql', 'mqlToSql', 'rejected']);
    expect(values(table)).toEqual([
      ['PAID_SEARCH', '4', '4', '4', '3', '75.0', '1'],
      ['OFFLINE', '3', '3', '2', '0', '0.0', '2'],
      ['(none)', '1', '0', '0', '0', 'no MQL', '0'],
    ]);
    expect(table.notice).toMatch(/no outcome data yet/);
  });

  it('with outcomes adds wins, win rate, median sales cycle and revenue', () => {
    const table = sourcesTable(cells, leads, true);
    const paid = table.rows[0]!;

    expect(table.notice).toBeUndefined();
    expect(formatCellValue(paid.won, 'count')).toBe('2');
    expect(formatCellValue(paid.winRate, 'percent')).toBe('66.7');
    expect(formatCellValue(paid.cycleDays, 'days')).toBe('40.0');
    expect(formatCellValue(paid.revenue, 'money')).toBe('12000.00');
    expect(formatCellValue(table.rows[1]!.revenue, 'money')).toBe('no deal amounts');
  });

  it('breaks sources down by campaign', () => {
    expect(values(campaignsTable(cells, leads, false)).map((r) => r.slice(0, 4))).toEqual([
      ['OFFLINE', '(none)', '3', '3'],
      ['PAID_SEARCH', '(none)', '2', '2'],
      ['PAID_SEARCH', 'spring', '2', '2'],
      ['(none)', '(none)', '1', '0'],
    ]);
  });

  it('credits rejections to their source, one column per reason that occurred', () => {
    const table = rejectionsTable(cells, leads);

    expect(table.columns.map((c) => c.label)).toEqual(['Source', 'Sent to sales', 'Rejected (credits)', 'Rejection rate', 'No budget', 'Student', 'custom reason']);
    expect(values(table)).toEqual([
      ['PAID_SEARCH', '4', '1', '25.0', '1', '0', '0'],
      ['OFFLINE', '2', '2', '100.0', '0', '1', '1'],
    ]);
    expect(table.rows[1]?.['reason:student']).toMatchObject({ drill: 'source/OFFLINE/rejected%3Astudent' });
  });
});
