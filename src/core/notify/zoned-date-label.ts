import { zonedParts } from '../zoned-parts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Mar 2026" on the tenant's calendar: for people reading a chat message, not for parsing. */
export function zonedDateLabel(instantMs: number, timeZone: string): string {
  const p = zonedParts(instantMs, timeZone);
  return `${p.day} ${months[p.month - 1] ?? ''} ${p.year}`;
}
