import type { SlaTier } from '../core/decision';
import { groupKey } from './dashboard-filters';
import type { LeadTimeline } from './lead-timeline';
import { slaStatus } from './sla-status';
import { weekStart } from './week-start';

/** Which leads a number is about: a group of leads and what happened to them. */
export type DrillScope =
  | { kind: 'all' }
  | { kind: 'tier'; tier: SlaTier }
  /** The owner the lead was handed to (SLA breaches count against them). */
  | { kind: 'owner'; owner: string }
  | { kind: 'source'; source: string }
  | { kind: 'campaign'; source: string; campaign: string }
  | { kind: 'cohort'; week: string };

export const cohortDays = [7, 30, 90] as const;

export const drillMetrics = [
  'created',
  'mql',
  'sales_ready',
  'sql',
  'won',
  'rejected',
  'handed',
  'touched',
  'met',
  'breached',
  'open',
  'sql_7d',
  'sql_30d',
  'sql_90d',
] as const;
export type DrillMetric = (typeof drillMetrics)[number] | `rejected:${string}`;

export interface Drill {
  scope: DrillScope;
  metric: DrillMetric;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The drill as it travels in a URL (`source/PAID_SEARCH/sql`): every number on the dashboard carries
 * one, and the leads list answers it with the same predicate that counted the number.
 */
export function drillKey({ scope, metric }: Drill): string {
  const parts: string[] = (() => {
    switch (scope.kind) {
      case 'all':
        return ['all'];
      case 'tier':
        return ['tier', scope.tier];
      case 'owner':
        return ['owner', scope.owner];
      case 'source':
        return ['source', scope.source];
      case 'campaign':
        return ['campaign', scope.source, scope.campaign];
      case 'cohort':
        return ['cohort', scope.week];
    }
  })();
  return [...parts, metric].map(encodeURIComponent).join('/');
}

/** The drill a key names, or null for anything else (the API answers 400). */
export function parseDrill(key: string): Drill | null {
  let parts: string[];
  try {
    parts = key.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  const metric = parts.pop();
  if (metric === undefined || !isMetric(metric)) return null;
  const [kind, a, b, ...rest] = parts;
  if (rest.length > 0) return null;
  const scope = ((): DrillScope | null => {
    if (kind === 'all' && a === undefined) return { kind };
    if (kind === 'tier' && (a === 'hot' || a === 'standard') && b === undefined) return { kind, tier: a };
    if (kind === 'owner' && a !== undefined && b === undefined) return { kind, owner: a };
    if (kind === 'source' && a !== undefined && b === undefined) return { kind, source: a };
    if (kind === 'campaign' && a !== undefined && b !== undefined) return { kind, source: a, campaign: b };
    if (kind === 'cohort' && a !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(a) && b === undefined) return { kind, week: a };
    return null;
  })();
  return scope === null ? null : { scope, metric };
}

function isMetric(value: string): value is DrillMetric {
  return (drillMetrics as readonly string[]).includes(value) || /^rejected:.+$/.test(value);
}

export function drillMatches(timeline: LeadTimeline, { scope, metric }: Drill, now: number): boolean {
  return inScope(timeline, scope) && hasMetric(timeline, metric, now);
}

/** Whether a lead shows a metric, whatever group it is in. */
export function hasMetric(t: LeadTimeline, metric: DrillMetric, now: number): boolean {
  return metricHolds(t, metric, now);
}

/** The leads behind a number, newest first. */
export function drillMembers(timelines: readonly LeadTimeline[], drill: Drill, now: number): LeadTimeline[] {
  return timelines.filter((t) => drillMatches(t, drill, now)).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.recordId < b.recordId ? -1 : 1));
}

function inScope(t: LeadTimeline, scope: DrillScope): boolean {
  return groupOf(t, scope.kind) === scopeGroup(scope);
}

/**
 * The group a lead falls in for one kind of scope (its source, its hand-over tier…), or null when it
 * is in none: one value per lead, so a whole table's groups are one pass over the leads.
 */
export function groupOf(t: LeadTimeline, kind: DrillScope['kind']): string | null {
  switch (kind) {
    case 'all':
      return '';
    case 'tier':
      return t.handover?.tier ?? null;
    case 'owner':
      return t.handover === null ? null : groupKey(t.handover.ownerId);
    case 'source':
      return groupKey(t.source);
    case 'campaign':
      return JSON.stringify([groupKey(t.source), groupKey(t.campaign)]);
    case 'cohort':
      return weekStart(t.createdAt);
  }
}

/** The group a scope selects, as groupOf spells it. */
export function scopeGroup(scope: DrillScope): string {
  switch (scope.kind) {
    case 'all':
      return '';
    case 'tier':
      return scope.tier;
    case 'owner':
      return scope.owner;
    case 'source':
      return scope.source;
    case 'campaign':
      return JSON.stringify([scope.source, scope.campaign]);
    case 'cohort':
      return scope.week;
  }
}

function metricHolds(t: LeadTimeline, metric: DrillMetric, now: number): boolean {
  switch (metric) {
    case 'created':
      return true;
    case 'mql':
    case 'sales_ready':
    case 'sql':
      return t.reachedAt[metric] !== null;
    case 'won':
      return t.outcome === 'won';
    case 'rejected':
      return t.rejection !== null;
    case 'handed':
      return t.handover !== null;
    case 'touched':
      return t.handover !== null && t.firstTouchAt !== null;
    case 'met':
    case 'breached':
    case 'open':
      return slaStatus(t, now) === metric;
    case 'sql_7d':
    case 'sql_30d':
    case 'sql_90d':
      return t.reachedAt.sql !== null && Date.parse(t.reachedAt.sql) - Date.parse(t.createdAt) <= Number(metric.slice(4, -1)) * dayMs;
    default:
      return t.rejection !== null && t.rejection.reason === metric.slice('rejected:'.length);
  }
}
