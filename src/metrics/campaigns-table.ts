import { groupKey } from './dashboard-filters';
import { tableVersions, textCell, type DashboardTable, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { outcomeCells, outcomeColumns, outcomeNotice } from './outcome-cells';
import { byVolume, qualityCells, qualityColumns } from './sources-table';

/** The sources table one level down: per source and campaign. */
export function campaignsTable(cells: DrillCells, timelines: readonly LeadTimeline[], outcomesKnown: boolean): DashboardTable {
  const pairs = byVolume(timelines.map((t) => JSON.stringify([groupKey(t.source), groupKey(t.campaign)])));
  const rows = pairs.map((pair): TableRow => {
    const [source, campaign] = JSON.parse(pair) as [string, string];
    const scope: DrillScope = { kind: 'campaign', source, campaign };
    return {
      source: textCell(source),
      campaign: textCell(campaign),
      ...qualityCells(cells, scope),
      ...(outcomesKnown ? outcomeCells(cells, scope) : {}),
    };
  });
  return {
    id: 'campaigns',
    title: 'Pipeline by campaign',
    description: 'Leads created in the date range, by source and campaign.',
    columns: [
      { key: 'source', label: 'Source', format: 'text' },
      { key: 'campaign', label: 'Campaign', format: 'text' },
      ...qualityColumns,
      ...(outcomesKnown ? outcomeColumns : []),
    ],
    rows,
    versions: tableVersions(rows),
    ...(outcomesKnown ? {} : { notice: outcomeNotice }),
  };
}
