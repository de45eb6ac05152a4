import { addCivilDays, isoWeekday } from '../civil-date';
import { zonedInstant } from '../zoned-instant';
import { zonedParts } from '../zoned-parts';

/** When the next weekly digest goes out: the first Monday 09:00 on the tenant's clock after `now`. */
export function nextDigestAt(now: Date, timeZone: string): Date {
  const local = zonedParts(now.getTime(), timeZone);
  let day = addCivilDays(local, (8 - isoWeekday(local)) % 7);
  for (;;) {
    const at = zonedInstant({ ...day, hour: 9, minute: 0 }, timeZone);
    if (at > now.getTime()) return new Date(at);
    day = addCivilDays(day, 7);
  }
}
