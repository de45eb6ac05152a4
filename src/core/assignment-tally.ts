import { civilDateText, type CivilDate } from './civil-date';
import type { RoutingState } from './routing-state';
import { zonedParts } from './zoned-parts';

const dayPrefix = '#day:';
const monthPrefix = '#month:';
const dayMs = 86_400_000;

/** The routing-state keys counting an owner's leads today and this month, on the owner's calendar. */
export interface TallyKeys {
  day: string;
  month: string;
}

// A batch routes many leads at one `now`: remembering the last answer spares a date format per lead.
let lastMs = NaN;
let lastZone = '';
let lastKeys: TallyKeys = { day: '', month: '' };

export function tallyKeys(nowMs: number, timeZone: string): TallyKeys {
  if (nowMs === lastMs && timeZone === lastZone) return lastKeys;
  // UTC is the common case and needs no Intl call.
  const date = timeZone === 'UTC' ? new Date(nowMs).toISOString().slice(0, 10) : civilDateText(zonedParts(nowMs, timeZone));
  lastMs = nowMs;
  lastZone = timeZone;
  lastKeys = { day: `${dayPrefix}${date}`, month: `${monthPrefix}${date.slice(0, 7)}` };
  return lastKeys;
}

/** Leads routed to the owner under one tally key. */
export function assignedCount(state: RoutingState, key: string, ownerId: string): number {
  return state[key]?.[ownerId] ?? 0;
}

/**
 * The state with one more lead counted for the owner, today and this month (a new object; the
 * input is untouched), and `overrides` (a pool's new round-robin weights) applied. When a new day
 * starts, tallies older than any time zone's today or this month are dropped, so the stored state
 * stays the size of the team.
 */
export function withAssignment(
  state: RoutingState,
  ownerId: string,
  keys: TallyKeys,
  nowMs: number,
  overrides: RoutingState = {},
): RoutingState {
  const day = state[keys.day];
  const month = state[keys.month];
  const next: RoutingState = { ...state, ...overrides };
  if (day === undefined || month === undefined) {
    const cutoff = civilDateText(utcDate(nowMs - 2 * dayMs));
    const oldestDay = `${dayPrefix}${cutoff}`;
    const oldestMonth = `${monthPrefix}${cutoff.slice(0, 7)}`;
    for (const key in next) {
      if ((key.startsWith(dayPrefix) && key < oldestDay) || (key.startsWith(monthPrefix) && key < oldestMonth)) delete next[key];
    }
  }
  next[keys.day] = { ...day, [ownerId]: (day?.[ownerId] ?? 0) + 1 };
  next[keys.month] = { ...month, [ownerId]: (month?.[ownerId] ?? 0) + 1 };
  return next;
}

function utcDate(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
