import type { LeadTimeline } from './lead-timeline';

/**
 * met: sales responded by the due time; breached: it responded late, or not at all and the due
 * time passed (also when the lead was taken back from sales after that); open: still within time;
 * withdrawn: taken back from sales in time, so no response was owed.
 */
export type SlaStatus = 'met' | 'breached' | 'open' | 'withdrawn';

/** Null when the lead was never handed to sales. */
export function slaStatus(timeline: Pick<LeadTimeline, 'handover' | 'firstTouchAt'>, now: number): SlaStatus | null {
  const { handover, firstTouchAt } = timeline;
  if (handover === null) return null;
  const due = Date.parse(handover.slaDueAt);
  if (firstTouchAt !== null) return Date.parse(firstTouchAt) <= due ? 'met' : 'breached';
  if (handover.withdrawnAt !== null) return Date.parse(handover.withdrawnAt) <= due ? 'withdrawn' : 'breached';
  return now > due ? 'breached' : 'open';
}

/** Hours from the hand-over to sales' first response; null without one. */
export function hoursToFirstTouch(timeline: Pick<LeadTimeline, 'handover' | 'firstTouchAt'>): number | null {
  if (timeline.handover === null || timeline.firstTouchAt === null) return null;
  return (Date.parse(timeline.firstTouchAt) - Date.parse(timeline.handover.routedAt)) / 3_600_000;
}
