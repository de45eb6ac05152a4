import { groupKey, noValue } from './dashboard-filters';
import { tableVersions, textCell, type DashboardTable, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { LeadTimeline } from './lead-timeline';
import { slaCells, slaColumns } from './speed-table';

/**
 * SLA breaches by the owner each lead was handed to, worst first: who needs help (or fewer leads),
 * not who got reassigned the lead after the breach.
 */
export function ownerSlaTable(cells: DrillCells, timelines: readonly LeadTimeline[], ownerName: (id: string) => string): DashboardTable {
  const owners = [...new Set(timelines.filter((t) => t.handover !== null).map((t) => groupKey(t.handover?.ownerId ?? null)))];
  const rows = owners
    .map((owner): TableRow => ({ owner: textCell(owner === noValue ? 'Unassigned' : ownerName(owner)), ...slaCells(cells, { kind: 'owner', owner }) }))
    .sort((a, b) => Number(b.breached?.value) - Number(a.breached?.value) || String(a.owner?.value).localeCompare(String(b.owner?.value)));
  return {
    id: 'owners',
    title: 'SLA breaches by owner',
    description: 'Per owner the lead was handed to, most breaches first.',
    columns: [{ key: 'owner', label: 'Owner', format: 'text' }, ...slaColumns],
    rows,
    versions: tableVersions(rows),
  };
}
