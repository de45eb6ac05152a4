import { rejectionReasonOf } from './rejection-reason-of';
import { rejectionReasonLabels } from './rejection-reasons';

/** The label of a rejection reason as read from the CRM; anything outside the taxonomy is shown as the rep typed it. */
export function rejectionLabel(reason: string): string {
  const known = rejectionReasonOf(reason);
  return known === null ? reason.trim() : rejectionReasonLabels[known];
}
