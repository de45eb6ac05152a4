import type { Decision } from './decision';
import { decisionExtras } from './decision-extras';

export const slaStates = ['on_track', 'due_soon', 'breached'] as const;
export type SlaState = (typeof slaStates)[number];

export const slaStateLabels: Record<SlaState, string> = { on_track: 'On track', due_soon: 'Due soon', breached: 'Breached' };

/**
 * Where the response clock stands at `now`: null when none runs (the lead is not waiting for
 * sales, or sales already touched it). "Due soon" once no more than `dueSoonFraction` of the
 * window from hand-over to due time is left, on the plain clock.
 */
export function slaState(decision: Decision, now: Date, dueSoonFraction: number): SlaState | null {
  if (decision.stage !== 'sales_ready' || decision.slaDueAt === null || decisionExtras(decision).acceptedAt !== null) return null;
  const dueMs = Date.parse(decision.slaDueAt);
  if (Number.isNaN(dueMs)) return null;
  const nowMs = now.getTime();
  if (nowMs >= dueMs) return 'breached';
  const routedMs = decision.routedAt === null ? NaN : Date.parse(decision.routedAt);
  const windowMs = dueMs - routedMs;
  if (!(windowMs > 0)) return 'on_track';
  return dueMs - nowMs <= windowMs * dueSoonFraction ? 'due_soon' : 'on_track';
}
