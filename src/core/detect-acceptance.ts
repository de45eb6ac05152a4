import { compileDefinition } from './compile-definition';
import type { Decision } from './decision';
import type { Definition } from './definition';
import type { Lead } from './lead';
import { hasRejection } from './has-rejection';
import { touchedAt } from './touched-at';
import { isWorkingStatus } from './working-status';

export interface Acceptance {
  acceptedAt: string;
  /** From the hand-over to the first touch; null when Accord never handed the lead over. */
  timeToFirstTouchMs: number | null;
  /** What showed it: the lead status, or a logged call or email. */
  by: 'status' | 'touch';
}

/**
 * Sales' first touch on a lead not yet accepted: its status moved to one the tenant counts as
 * working, or a call or email was logged after the hand-over. Null when there is no new
 * acceptance (none yet, already accepted, or rejected instead). A status change carries no time,
 * so it is dated `now`; a logged touch is dated when it happened.
 */
export function detectAcceptance(previous: Decision | null, lead: Lead, definition: Definition, now: Date): Acceptance | null {
  if (previous?.stage === 'sql' || hasRejection(lead)) return null;
  const handedOverAt = previous?.stage === 'sales_ready' && previous.routedAt !== null ? Date.parse(previous.routedAt) : NaN;
  const nowMs = now.getTime();
  const touch = Number.isNaN(handedOverAt) ? null : touchedAt(lead, definition.acceptance.touchFields, handedOverAt);
  let at: number;
  let by: Acceptance['by'];
  if (touch !== null) {
    at = Math.min(touch, nowMs);
    by = 'touch';
  } else if (isWorkingStatus(lead.status, compileDefinition(definition).workingStatuses)) {
    at = nowMs;
    by = 'status';
  } else {
    return null;
  }
  const timeToFirstTouchMs = Number.isNaN(handedOverAt) ? null : Math.max(0, at - handedOverAt);
  return { acceptedAt: new Date(at).toISOString(), timeToFirstTouchMs, by };
}
