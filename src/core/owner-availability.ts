import type { Owner } from './owner';

/** Whether an owner can take a lead at `now`: active in the CRM and not inside an out-of-office window. */
export function isOwnerAvailable(owner: Owner, nowMs: number): boolean {
  if (!owner.available) return false;
  const away = owner.outOfOffice;
  if (away === undefined || away === null) return true;
  const from = Date.parse(away.from);
  const until = away.until === null ? Infinity : Date.parse(away.until);
  // An unreadable window is ignored rather than hiding the owner from every pool.
  if (Number.isNaN(from) || Number.isNaN(until)) return true;
  return nowMs < from || nowMs >= until;
}
