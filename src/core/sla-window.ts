import type { Decision, SlaTier } from './decision';
import type { Definition } from './definition';

const hourMs = 3_600_000;

export interface SlaWindow {
  routedAt: string;
  slaDueAt: string;
}

/**
 * When a sales-ready lead was handed over and when the owner must have responded. The clock
 * starts once per owner: re-scoring the same lead for the same owner keeps it, and only a turn
 * to hot may bring the due time forward, never push it back.
 */
export function slaWindow(tier: SlaTier, ownerId: string | null, definition: Definition, previous: Decision | null, now: Date): SlaWindow {
  const hours = tier === 'hot' ? definition.sla.hotHours : definition.sla.standardHours;
  const sameHandover = previous?.stage === 'sales_ready' && previous.ownerId === ownerId && previous.routedAt !== null;
  const routedAt = sameHandover && previous.routedAt !== null ? previous.routedAt : now.toISOString();
  const dueMs = Date.parse(routedAt) + hours * hourMs;
  const keptDue = sameHandover ? previous.slaDueAt : null;
  if (keptDue !== null && Date.parse(keptDue) <= dueMs) return { routedAt, slaDueAt: keptDue };
  return { routedAt, slaDueAt: new Date(dueMs).toISOString() };
}
