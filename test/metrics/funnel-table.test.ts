import { DrillCells } from '../../src/metrics/drill-cells';
import { funnelTable } from '../../src/metrics/funnel-table';
import { formatCellValue } from '../../src/metrics/format-cell-value';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import { days, hours, timeline } from './make-timeline';

function values(table: DashboardTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatCellValue(row[c.key], c.format)));
}

const reached = (mql: boolean, salesReady: boolean, sql: boolean) => ({
  mql: mql ? hours(1) : null,
  sales_ready: salesReady ? hours(2) : null,
  sql: sql ? hours(3) : null,
});

describe('funnelTable', () => {
  const leads = [
    timeline({ recordId: 'a', reachedAt: reached(true, true, true), versions: [1] }),
    timeline({ recordId: 'b', reachedAt: reached(true, true, false), versions: [2] }),
    timeline({ recordId: 'c', reachedAt: reached(true, false, false), versions: [2] }),
    timeline({ recordId: 'd', reachedAt: reached(true, false, false), versions: [2] }),
    timeline({ recordId: 'e' }),
  ];

  it('counts each step and converts from the step before and from creation', () => {
    const table = funnelTable(new DrillCells(leads, Date.parse(days(30))), false);

    expect(values(table)).toEqual([
      ['Created', '5', '', ''],
      ['Marketing qualified (MQL)', '4', '80.0', '80.0'],
      ['Sales ready', '2', '50.0', '40.0'],
      ['Sales accepted (SQL)', '1', '50.0', '20.0'],
      ['Won', 'no outcome data yet', 'no outcome data yet', 'no outcome data yet'],
    ]);
  });

  it('links each number to its leads and names the definition versions behind it', () => {
    const table = funnelTable(new DrillCells(leads, Date.parse(days(30))), false);

    expect(table.rows[3]?.leads).toEqual({ value: 1, drill: 'all/sql', versions: [1] });
    expect(table.rows[1]?.fromPrevious).toMatchObject({ value: 0.8, drill: 'all/mql', versions: [1, 2] });
    expect(table.versions).toEqual([1, 2]);
  });

  it('counts wins once the CRM reports outcomes, and a real zero as zero', () => {
    const won = [...leads, timeline({ recordId: 'f', reachedAt: reached(true, true, true), outcome: 'won', outcomeAt: days(20) })];
    expect(values(funnelTable(new DrillCells(won, Date.parse(days(30))), true))[4]).toEqual(['Won', '1', '50.0', '16.7']);
    expect(values(funnelTable(new DrillCells(leads, Date.parse(days(30))), true))[4]).toEqual(['Won', '0', '0.0', '0.0']);
  });

  it('shows no rate over no leads', () => {
    const table = funnelTable(new DrillCells([], Date.parse(days(30))), false);
    expect(values(table)[1]).toEqual(['Marketing qualified (MQL)', '0', 'no leads', 'no leads']);
  });
});
