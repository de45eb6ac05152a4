import { civilDateText, pad2 } from './civil-date';
import { zoneOffsetMs } from './zoned-instant';
import { zonedParts } from './zoned-parts';

/**
 * "2026-03-02 08:00 UTC-05:00": local time with its offset, spelled by us rather than by ICU
 * (zone abbreviations differ between runtimes), so the text on the record is stable.
 */
export function formatZonedTime(instantMs: number, timeZone: string): string {
  const p = zonedParts(instantMs, timeZone);
  const offsetMinutes = Math.round(zoneOffsetMs(instantMs, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'UTC' : `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return `${civilDateText(p)} ${pad2(p.hour)}:${pad2(p.minute)} ${zone}`;
}
