import type { DashboardFilters } from '../../metrics/dashboard-filters';

const dayMs = 24 * 60 * 60 * 1000;
/** The default window: the last 90 days, today included. */
export const defaultRangeDays = 90;
const maxRangeDays = 3 * 366;

export type ParsedFilters = { ok: true; filters: DashboardFilters } | { ok: false; message: string };

/** The filters from a query string; empty values mean "all". Dates are UTC calendar days. */
export function parseDashboardFilters(query: Record<string, unknown>, nowMs: number): ParsedFilters {
  const text = (name: string): string | undefined => {
    const value = query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;
  };
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const to = text('to') ?? today;
  if (!isCalendarDay(to)) return { ok: false, message: `to must be a date as YYYY-MM-DD, got "${to}"` };
  const from = text('from') ?? new Date(Date.parse(`${to}T00:00:00Z`) - (defaultRangeDays - 1) * dayMs).toISOString().slice(0, 10);
  if (!isCalendarDay(from)) return { ok: false, message: `from must be a date as YYYY-MM-DD, got "${from}"` };
  const span = (Date.parse(to) - Date.parse(from)) / dayMs;
  if (span < 0) return { ok: false, message: `from (${from}) is after to (${to})` };
  if (span > maxRangeDays) return { ok: false, message: `the date range is longer than ${maxRangeDays} days` };

  const versionText = text('version');
  if (versionText !== undefined && !/^[1-9]\d{0,5}$/.test(versionText)) return { ok: false, message: `version must be a published version number, got "${versionText}"` };
  const filters: DashboardFilters = { from, to };
  for (const name of ['source', 'campaign', 'owner', 'region'] as const) {
    const value = text(name);
    if (value !== undefined) filters[name] = value;
  }
  if (versionText !== undefined) filters.version = Number(versionText);
  return { ok: true, filters };
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  // "2025-02-30" must not roll over into March.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
