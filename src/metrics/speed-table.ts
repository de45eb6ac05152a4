import type { SlaTier } from '../core/decision';
import { tableVersions, textCell, type DashboardTable, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { DrillMetric, DrillScope } from './drill';
import { percentile } from './percentile';
import { hoursToFirstTouch } from './sla-status';
import { ratio } from './ratio';
import type { LeadTimeline } from './lead-timeline';

const tiers: Array<{ scope: DrillScope; label: string }> = [
  { scope: { kind: 'tier', tier: 'hot' }, label: 'Hot' },
  { scope: { kind: 'tier', tier: 'standard' }, label: 'Standard' },
  { scope: { kind: 'all' }, label: 'All tiers' },
];

export const slaTierLabels: Record<SlaTier, string> = { hot: 'Hot', standard: 'Standard' };

/**
 * Speed to lead per SLA tier: how many leads were handed to sales, how fast sales first responded
 * (accepting or rejecting; median and 90th percentile, in hours), and how many responses met the SLA.
 * Compliance is met ÷ (met + breached): leads still inside their window are not counted either way.
 */
export function speedTable(cells: DrillCells): DashboardTable {
  const rows: TableRow[] = tiers.map(({ scope, label }) => ({ tier: textCell(label), ...slaCells(cells, scope) }));
  return {
    id: 'speed',
    title: 'Speed to lead and SLA by tier',
    description: 'From hand-over to sales’ first response (accept or reject), for leads created in the date range.',
    columns: [
      { key: 'tier', label: 'SLA tier', format: 'text' },
      ...slaColumns,
    ],
    rows,
    versions: tableVersions(rows),
  };
}

export const slaColumns: DashboardTable['columns'] = [
  { key: 'handed', label: 'Handed to sales', format: 'count' },
  { key: 'touched', label: 'Responded', format: 'count' },
  { key: 'medianHours', label: 'Median first response', format: 'hours' },
  { key: 'p90Hours', label: '90th percentile', format: 'hours' },
  { key: 'met', label: 'Met SLA', format: 'count' },
  { key: 'breached', label: 'Breached', format: 'count' },
  { key: 'open', label: 'Still open', format: 'count' },
  { key: 'compliance', label: 'SLA compliance', format: 'percent' },
];

/** The SLA columns for a group of handed-over leads (a tier, an owner). */
export function slaCells(cells: DrillCells, scope: DrillScope): TableRow {
  const drill = (metric: DrillMetric) => ({ scope, metric });
  const hours = (p: number) => (members: LeadTimeline[]) => percentile(members.map(hoursToFirstTouch).filter((h): h is number => h !== null), p);
  const met = cells.count(drill('met'));
  const breached = cells.count(drill('breached'));
  const compliance = ratio(Number(met.value), Number(met.value) + Number(breached.value));
  return {
    handed: cells.count(drill('handed')),
    touched: cells.count(drill('touched')),
    medianHours: cells.statistic(drill('touched'), hours(0.5), 'no responses yet'),
    p90Hours: cells.statistic(drill('touched'), hours(0.9), 'no responses yet'),
    met,
    breached,
    open: cells.count(drill('open')),
    // Linked to the leads that met it: the numerator, as every rate on the page.
    compliance: compliance === null ? { value: null, note: 'no SLA decided yet' } : { ...met, value: compliance },
  };
}
