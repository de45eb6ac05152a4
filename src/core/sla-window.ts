import type { Decision, SlaTier } from './decision';
import type { Definition } from './definition';
import { slaDueAtMs } from './sla-due-at';

export interface SlaWindow {
  routedAt: string;
  slaDueAt: string;
}

/** The SLA in hours for a tier: hot leads (sales-ready with high intent) get the short one. */
export function slaHours(tier: SlaTier, definition: Definition): number {
  return tier === 'hot' ? definition.sla.hotHours : definition.sla.standardHours;
}

/**
 * When a sales-ready lead was handed over and when the owner must have responded, in the owner's
 * business hours when the definition has them. The clock starts once per owner: re-scoring the
 * same lead for the same owner keeps it, and only a turn to hot may bring the due time forward,
 * never push it back.
 */
export function slaWindow(
  tier: SlaTier,
  ownerId: string | null,
  definition: Definition,
  previous: Decision | null,
  now: Date,
  timeZone: string,
): SlaWindow {
  const sameHandover = previous?.stage === 'sales_ready' && previous.ownerId === ownerId && previous.routedAt !== null;
  const routedAt = sameHandover && previous.routedAt !== null ? previous.routedAt : now.toISOString();
  const routedMs = sameHandover ? Date.parse(routedAt) : now.getTime();
  const dueMs = slaDueAtMs(routedMs, slaHours(tier, definition), definition.sla.businessHours, timeZone);
  const keptDue = sameHandover ? previous.slaDueAt : null;
  if (keptDue !== null && Date.parse(keptDue) <= dueMs) return { routedAt, slaDueAt: keptDue };
  return { routedAt, slaDueAt: new Date(dueMs).toISOString() };
}
