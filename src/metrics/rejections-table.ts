import { rejectionReasonLabels, rejectionReasons, type RejectionReason } from '../core/rejection-reasons';
import { groupKey } from './dashboard-filters';
import { tableVersions, textCell, type DashboardTable, type TableColumn, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { byVolume } from './sources-table';

/**
 * Why sales sent leads back, per source: each rejected lead is a credit under the lead guarantee
 * (the source, not sales, pays for leads that were never fit). Only reasons that occurred get a column.
 */
export function rejectionsTable(cells: DrillCells, timelines: readonly LeadTimeline[]): DashboardTable {
  const rejected = timelines.filter((t) => t.rejection !== null);
  const seen = new Set(rejected.map((t) => t.rejection?.reason ?? ''));
  const reasons = [...rejectionReasons.filter((r) => seen.has(r)), ...[...seen].filter((r) => !isKnown(r)).sort()];
  const sources = byVolume(timelines.filter((t) => t.reachedAt.sales_ready !== null || t.rejection !== null).map((t) => groupKey(t.source)));
  const rows = sources.map((source): TableRow => {
    const scope: DrillScope = { kind: 'source', source };
    const row: TableRow = {
      source: textCell(source),
      sent: cells.count({ scope, metric: 'sales_ready' }),
      rejected: cells.count({ scope, metric: 'rejected' }),
      rate: cells.rate({ scope, metric: 'rejected' }, { scope, metric: 'sales_ready' }, 'none sent'),
    };
    for (const reason of reasons) row[`reason:${reason}`] = cells.count({ scope, metric: `rejected:${reason}` });
    return row;
  });
  const reasonColumns: TableColumn[] = reasons.map((reason) => ({ key: `reason:${reason}`, label: isKnown(reason) ? rejectionReasonLabels[reason] : reason, format: 'count' }));
  return {
    id: 'rejections',
    title: 'Rejections by source (lead guarantee)',
    description: 'Leads sales sent back, with the reason the rep picked; each one is a credit against its source.',
    columns: [
      { key: 'source', label: 'Source', format: 'text' },
      { key: 'sent', label: 'Sent to sales', format: 'count' },
      { key: 'rejected', label: 'Rejected (credits)', format: 'count' },
      { key: 'rate', label: 'Rejection rate', format: 'percent' },
      ...reasonColumns,
    ],
    rows,
    versions: tableVersions(rows),
  };
}

function isKnown(reason: string): reason is RejectionReason {
  return (rejectionReasons as readonly string[]).includes(reason);
}
