import { rejectionReasonLabels, rejectionReasons, type RejectionReason } from './rejection-reasons';

/**
 * The taxonomy reason a rep picked, as read from the CRM, which may hold the picklist value
 * ("no_budget") or its label ("No budget"); null for anything else (free text, a custom value).
 */
export function rejectionReasonOf(text: string): RejectionReason | null {
  const key = text.trim().toLowerCase();
  return rejectionReasons.find((r) => r === key || rejectionReasonLabels[r].toLowerCase() === key) ?? null;
}
