import { tableVersions, textCell, type Cell, type DashboardTable, type TableRow } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import { cohortDays, type DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { weekStart } from './week-start';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Leads by the week they were created and the share accepted by sales (SQL) within 7, 30 and 90 days.
 * A week whose newest possible lead is younger than the window is immature: its rate would be low
 * only because time has not passed, so it shows "immature" instead of a number.
 */
export function cohortsTable(cells: DrillCells, timelines: readonly LeadTimeline[], now: number): DashboardTable {
  const weeks = [...new Set(timelines.map((t) => weekStart(t.createdAt)))].sort();
  const rows = weeks.map((week): TableRow => {
    const scope: DrillScope = { kind: 'cohort', week };
    const row: TableRow = { week: textCell(week), leads: cells.count({ scope, metric: 'created' }), mql: cells.count({ scope, metric: 'mql' }) };
    for (const days of cohortDays) row[`sql${days}`] = cohortRate(cells, scope, week, days, now);
    return row;
  });
  return {
    id: 'cohorts',
    title: 'Weekly cohorts',
    description: 'Leads by week created (Monday, UTC) and the share accepted by sales within 7, 30 and 90 days of creation.',
    columns: [
      { key: 'week', label: 'Week of', format: 'text' },
      { key: 'leads', label: 'Leads', format: 'count' },
      { key: 'mql', label: 'MQL', format: 'count' },
      ...cohortDays.map((days) => ({ key: `sql${days}`, label: `SQL within ${days} d`, format: 'percent' as const })),
    ],
    rows,
    versions: tableVersions(rows),
  };
}

function cohortRate(cells: DrillCells, scope: DrillScope, week: string, days: number, now: number): Cell {
  const matureAt = Date.parse(`${week}T00:00:00.000Z`) + (7 + days) * dayMs;
  if (matureAt > now) return { value: null, note: 'immature' };
  return cells.rate({ scope, metric: `sql_${days}d` as 'sql_7d' }, { scope, metric: 'created' });
}
