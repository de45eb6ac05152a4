import { DrillCells } from '../../src/metrics/drill-cells';
import { formatCellValue } from '../../src/metrics/format-cell-value';
import { ownerSlaTable } from '../../src/metrics/owner-sla-table';
import { speedTable } from '../../src/metrics/speed-table';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import { handedOver, hours, timeline } from './make-timeline';

function values(table: DashboardTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatCellValue(row[c.key], c.format)));
}

describe('speed and SLA tables', () => {
  const now = Date.parse(hours(50));
  const leads = [
    handedOver('h1', { tier: 'hot', touchAfterHours: 0.5, ownerId: 'o1' }),
    handedOver('h2', { tier: 'hot', touchAfterHours: 1.5, ownerId: 'o1' }),
    handedOver('h3', { tier: 'hot', touchAfterHours: null, ownerId: 'o2' }),
    handedOver('s1', { tier: 'standard', touchAfterHours: 4, ownerId: 'o2' }),
    handedOver('s2', { tier: 'standard', touchAfterHours: 30, ownerId: 'o2' }),
    handedOver('s3', { tier: 'standard', routedAt: hours(40), touchAfterHours: null, ownerId: 'o1' }),
    timeline({ recordId: 'never-handed' }),
  ];
  const cells = new DrillCells(leads, now);

  it('gives response times and compliance per tier, leaving open windows out of the rate', () => {
    expect(values(speedTable(cells))).toEqual([
      // handed, responded, median h, p90 h, met, breached, open, compliance
      ['Hot', '3', '2', '1.0', '1.4', '1', '2', '0', '33.3'],
      ['Standard', '3', '2', '17.0', '27.4', '1', '1', '1', '50.0'],
      ['All tiers', '6', '4', '2.8', '22.2', '2', '3', '1', '40.0'],
    ]);
  });

  it('links percentiles to the leads they are taken over', () => {
    expect(speedTable(cells).rows[0]?.medianHours).toMatchObject({ value: 1, drill: 'tier/hot/touched' });
  });

  it('lists owners by breaches, worst first, counting a breach against whoever the lead was handed to', () => {
    const names: Record<string, string> = { o1: 'Maria Lopez', o2: 'Dev Patel' };
    const table = ownerSlaTable(cells, leads, (id) => names[id] ?? id);

    expect(values(table).map((row) => [row[0], row[1], row[5], row[6], row[7], row[8]])).toEqual([
      ['Dev Patel', '3', '1', '2', '0', '33.3'],
      ['Maria Lopez', '3', '1', '1', '1', '50.0'],
    ]);
    expect(table.rows[0]?.breached).toMatchObject({ value: 2, drill: 'owner/o2/breached' });
  });

  it('says there is nothing to measure yet rather than 0 %', () => {
    const open = new DrillCells([handedOver('x', { routedAt: hours(49), touchAfterHours: null })], now);
    expect(values(speedTable(open))[2]).toEqual(['All tiers', '1', '0', 'no responses yet', 'no responses yet', '0', '0', '1', 'no SLA decided yet']);
  });
});
