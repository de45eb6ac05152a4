import { rejectionReasonLabels, rejectionReasons, type RejectionReason } from './rejection-reasons';

/**
 * The label of a rejection reason as read from the CRM, which may hold the picklist value
 * ("no_budget") or its label ("No budget"); anything else is shown as the rep typed it.
 */
export function rejectionLabel(reason: string): string {
  const key = reason.trim().toLowerCase();
  const known = rejectionReasons.find((r: RejectionReason) => r === key || rejectionReasonLabels[r].toLowerCase() === key);
  return known === undefined ? reason.trim() : rejectionReasonLabels[known];
}
