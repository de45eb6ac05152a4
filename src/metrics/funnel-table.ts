import { noteCell, tableVersions, textCell, type Cell, type DashboardTable, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { Drill, DrillMetric } from './drill';

export const noOutcomeData = 'no outcome data yet';

const steps: Array<{ metric: DrillMetric; label: string }> = [
  { metric: 'created', label: 'Created' },
  { metric: 'mql', label: 'Marketing qualified (MQL)' },
  { metric: 'sales_ready', label: 'Sales ready' },
  { metric: 'sql', label: 'Sales accepted (SQL)' },
  { metric: 'won', label: 'Won' },
];

const all = (metric: DrillMetric): Drill => ({ scope: { kind: 'all' }, metric });

/**
 * Leads created in the window and how far they got, however long it took: each step with its
 * conversion from the step before and from creation. "Won" needs the CRM's outcomes; without any it
 * says so instead of showing zero.
 */
export function funnelTable(cells: DrillCells, outcomesKnown: boolean): DashboardTable {
  const rows: TableRow[] = steps.map(({ metric, label }, index) => {
    if (metric === 'won' && !outcomesKnown) {
      return { step: textCell(label), leads: noteCell(noOutcomeData), fromPrevious: noteCell(noOutcomeData), fromCreated: noteCell(noOutcomeData) };
    }
    const previous = steps[index - 1];
    const fromPrevious: Cell = previous === undefined ? textCell('') : cells.rate(all(metric), all(previous.metric));
    const fromCreated: Cell = index === 0 ? textCell('') : cells.rate(all(metric), all('created'));
    return { step: textCell(label), leads: cells.count(all(metric)), fromPrevious, fromCreated };
  });
  return {
    id: 'funnel',
    title: 'Funnel',
    description: 'Leads created in the date range and the furthest step each reached; a lead counts once it reached a step, even if it later moved back.',
    columns: [
      { key: 'step', label: 'Step', format: 'text' },
      { key: 'leads', label: 'Leads', format: 'count' },
      { key: 'fromPrevious', label: 'From previous step', format: 'percent' },
      { key: 'fromCreated', label: 'From created', format: 'percent' },
    ],
    rows,
    versions: tableVersions(rows),
  };
}
