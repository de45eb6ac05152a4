import type { Decision } from '../core/decision';
import type { LeadTimeline } from './lead-timeline';

/**
 * What the dashboard is looking at: leads created between `from` and `to` (UTC calendar days, both
 * included), optionally one source, campaign, current owner, region, and one definition version.
 * Grouping values are matched by `groupKey`, so "(none)" selects the leads without one.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  source?: string;
  campaign?: string;
  owner?: string;
  region?: string;
  version?: number;
}

/** How a missing source, campaign, region or owner is shown and selected. */
export const noValue = '(none)';

export function groupKey(value: string | null): string {
  return value ?? noValue;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The instants [start, end) the filters' calendar days cover. */
export function filterWindow(filters: Pick<DashboardFilters, 'from' | 'to'>): { start: number; end: number } {
  return { start: Date.parse(`${filters.from}T00:00:00.000Z`), end: Date.parse(`${filters.to}T00:00:00.000Z`) + dayMs };
}

/**
 * Keeps the decisions one definition version made: the funnel "under version 2" is what version 2
 * decided, so comparing versions compares definitions rather than mixing them.
 */
export function decisionsOfVersion(decisions: readonly Decision[], version: number | undefined): readonly Decision[] {
  return version === undefined ? decisions : decisions.filter((d) => d.definitionVersion === version);
}

export function filterTimelines(timelines: readonly LeadTimeline[], filters: DashboardFilters): LeadTimeline[] {
  const { start, end } = filterWindow(filters);
  return timelines.filter((t) => {
    const created = Date.parse(t.createdAt);
    return (
      created >= start &&
      created < end &&
      (filters.source === undefined || groupKey(t.source) === filters.source) &&
      (filters.campaign === undefined || groupKey(t.campaign) === filters.campaign) &&
      (filters.owner === undefined || groupKey(t.ownerId) === filters.owner) &&
      (filters.region === undefined || groupKey(t.region) === filters.region)
    );
  });
}
