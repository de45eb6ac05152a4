import { addCivilDays, isoWeekday, type CivilDate } from './civil-date';
import { clockMinutes, type BusinessHours } from './sla-policy-schema';
import { zonedInstant } from './zoned-instant';
import { zonedParts } from './zoned-parts';

const hourMs = 3_600_000;

/**
 * When a response is due: `hours` after the hand-over, counted on the plain clock or, when business
 * hours are on, only inside them as the owner's wall clock shows them, so nights, weekends and the
 * hour lost or gained at a DST change are accounted for. A hand-over outside hours starts counting
 * at the next opening; a due time falls inside business hours (at the latest on the closing minute).
 */
export function slaDueAt(routedAt: Date, hours: number, businessHours: BusinessHours, timeZone: string): Date {
  return new Date(slaDueAtMs(routedAt.getTime(), hours, businessHours, timeZone));
}

/** `slaDueAt` in epoch ms, for decide(), which runs it per sales-ready lead. */
export function slaDueAtMs(routedMs: number, hours: number, businessHours: BusinessHours, timeZone: string): number {
  if (!businessHours.enabled) return routedMs + hours * hourMs;
  const open = clockMinutes(businessHours.start);
  const close = clockMinutes(businessHours.end);
  const days = new Set(businessHours.days);
  // Enough days to fit the SLA even in the thinnest week the schema allows, plus the partial weeks.
  const weeklyMinutes = days.size * (close - open);
  const maxDays = 7 * Math.ceil((hours * 60) / weeklyMinutes) + 14;
  const local = zonedParts(routedMs, timeZone);
  let day: CivilDate = { year: local.year, month: local.month, day: local.day };
  let remaining = hours * hourMs;
  for (let i = 0; i < maxDays; i++, day = addCivilDays(day, 1)) {
    if (!days.has(isoWeekday(day))) continue;
    const opensAt = zonedInstant({ ...day, hour: Math.floor(open / 60), minute: open % 60 }, timeZone);
    const closesAt = zonedInstant({ ...day, hour: Math.floor(close / 60), minute: close % 60 }, timeZone);
    const from = Math.max(routedMs, opensAt);
    if (from >= closesAt) continue;
    if (remaining <= closesAt - from) return from + remaining;
    remaining -= closesAt - from;
  }
  // Unreachable for a definition the schema accepted; the plain clock beats no due time at all.
  return routedMs + hours * hourMs;
}
