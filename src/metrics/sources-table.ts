import { groupKey } from './dashboard-filters';
import { tableVersions, textCell, type DashboardTable, type TableColumn, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { DrillMetric, DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { outcomeCells, outcomeColumns, outcomeNotice } from './outcome-cells';

/**
 * Per source: volume, how much of it sales accepted (MQL→SQL, the number marketing should be paid
 * on), how much sales rejected, and — with outcomes — what it won. Largest source first.
 */
export function sourcesTable(cells: DrillCells, timelines: readonly LeadTimeline[], outcomesKnown: boolean): DashboardTable {
  const sources = byVolume(timelines.map((t) => groupKey(t.source)));
  const rows = sources.map((source): TableRow => {
    const scope: DrillScope = { kind: 'source', source };
    return { source: textCell(source), ...qualityCells(cells, scope), ...(outcomesKnown ? outcomeCells(cells, scope) : {}) };
  });
  return {
    id: 'sources',
    title: 'Pipeline by source',
    description: 'Leads created in the date range, by original source.',
    columns: [{ key: 'source', label: 'Source', format: 'text' }, ...qualityColumns, ...(outcomesKnown ? outcomeColumns : [])],
    rows,
    versions: tableVersions(rows),
    ...(outcomesKnown ? {} : { notice: outcomeNotice }),
  };
}

export const qualityColumns: TableColumn[] = [
  { key: 'leads', label: 'Leads', format: 'count' },
  { key: 'mql', label: 'MQL', format: 'count' },
  { key: 'salesReady', label: 'Sales ready', format: 'count' },
  { key: 'sql', label: 'SQL (pipeline)', format: 'count' },
  { key: 'mqlToSql', label: 'MQL→SQL', format: 'percent' },
  { key: 'rejected', label: 'Rejected by sales', format: 'count' },
];

export function qualityCells(cells: DrillCells, scope: DrillScope): TableRow {
  const drill = (metric: DrillMetric) => ({ scope, metric });
  return {
    leads: cells.count(drill('created')),
    mql: cells.count(drill('mql')),
    salesReady: cells.count(drill('sales_ready')),
    sql: cells.count(drill('sql')),
    mqlToSql: cells.rate(drill('sql'), drill('mql'), 'no MQL'),
    rejected: cells.count(drill('rejected')),
  };
}

/** Distinct values, the most frequent first (ties alphabetically). */
export function byVolume(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
