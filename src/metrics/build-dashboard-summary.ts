import { campaignsTable } from './campaigns-table';
import { cohortsTable } from './cohorts-table';
import { filterTimelines, groupKey, noValue, type DashboardFilters } from './dashboard-filters';
import { noteCell, type Cell, type DashboardTable } from './dashboard-table';
import { DrillCells, versionsOf } from './drill-cells';
import type { Drill } from './drill';
import { funnelTable, noOutcomeData } from './funnel-table';
import type { LeadTimeline } from './lead-timeline';
import { ownerSlaTable } from './owner-sla-table';
import { rejectionsTable } from './rejections-table';
import { slaCells, speedTable } from './speed-table';
import { sourcesTable } from './sources-table';

export interface DashboardSummaryInput {
  /** Every lead of the tenant (decided by the filtered version, if one is chosen), before the other filters. */
  timelines: readonly LeadTimeline[];
  filters: DashboardFilters;
  now: number;
  ownerName: (ownerId: string) => string;
  /** Every definition version that decided any lead of the tenant: the version filter's choices. */
  allVersions: readonly number[];
  /** Whether the CRM reported any outcome for the tenant; without, "won" is unknown rather than zero. */
  outcomesKnown: boolean;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface DashboardSummary {
  filters: DashboardFilters;
  generatedAt: string;
  /** Definition versions behind the numbers shown. */
  versions: number[];
  outcomesKnown: boolean;
  headline: {
    created: Cell;
    mql: Cell;
    sql: Cell;
    mqlToSql: Cell;
    medianResponseHours: Cell;
    slaCompliance: Cell;
    won: Cell;
  };
  tables: DashboardTable[];
  options: { sources: FilterOption[]; campaigns: FilterOption[]; owners: FilterOption[]; regions: FilterOption[]; versions: number[] };
}

const all = (metric: Drill['metric']): Drill => ({ scope: { kind: 'all' }, metric });

/** Everything the dashboard shows for one tenant and one set of filters. */
export function buildDashboardSummary(input: DashboardSummaryInput): DashboardSummary {
  const { filters, now, outcomesKnown } = input;
  const timelines = filterTimelines(input.timelines, filters);
  const cells = new DrillCells(timelines, now);
  const sla = slaCells(cells, { kind: 'all' });
  return {
    filters,
    generatedAt: new Date(now).toISOString(),
    versions: versionsOf(timelines),
    outcomesKnown,
    headline: {
      created: cells.count(all('created')),
      mql: cells.count(all('mql')),
      sql: cells.count(all('sql')),
      mqlToSql: cells.rate(all('sql'), all('mql'), 'no MQL'),
      medianResponseHours: sla.medianHours as Cell,
      slaCompliance: sla.compliance as Cell,
      won: outcomesKnown ? cells.count(all('won')) : noteCell(noOutcomeData),
    },
    tables: [
      funnelTable(cells, outcomesKnown),
      speedTable(cells),
      ownerSlaTable(cells, timelines, input.ownerName),
      sourcesTable(cells, timelines, outcomesKnown),
      campaignsTable(cells, timelines, outcomesKnown),
      rejectionsTable(cells, timelines),
      cohortsTable(cells, timelines, now),
    ],
    options: {
      sources: options(input.timelines.map((t) => t.source)),
      campaigns: options(input.timelines.map((t) => t.campaign)),
      owners: options(input.timelines.map((t) => t.ownerId), (id) => (id === noValue ? 'Unassigned' : input.ownerName(id))),
      regions: options(input.timelines.map((t) => t.region)),
      versions: [...input.allVersions].sort((a, b) => a - b),
    },
  };
}

function options(values: ReadonlyArray<string | null>, label: (value: string) => string = (v) => v): FilterOption[] {
  return [...new Set(values.map(groupKey))]
    .map((value) => ({ value, label: label(value) }))
    .sort((a, b) => (a.value === noValue ? 1 : b.value === noValue ? -1 : a.label.localeCompare(b.label)));
}
