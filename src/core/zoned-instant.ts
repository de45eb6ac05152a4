import { zonedParts } from './zoned-parts';

/** A civil date and wall-clock time, with no zone attached. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** How far `timeZone` is ahead of UTC at an instant, in ms (New York in winter: -5 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows `wall`. The offset is looked up at a first guess
 * and again at the result, because near a DST change the two differ. A time shown twice (the
 * fall-back hour) gives the first; a time the clocks skip (02:30 on spring-forward night) gives
 * the instant one hour on, as a person reading the clock would.
 */
export function zonedInstant(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const firstOffset = zoneOffsetMs(first, timeZone);
  if (asUtc - firstOffset === first) return first;
  const second = asUtc - firstOffset;
  if (asUtc - zoneOffsetMs(second, timeZone) === second) return second;
  // Neither reading shows this wall time: the clocks skipped it, so take the later instant.
  return Math.max(first, second);
}
