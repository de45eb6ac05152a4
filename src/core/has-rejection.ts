import type { Lead } from './lead';

/** Whether a rep has set a rejection reason on the record (blank does not count). */
export function hasRejection(lead: Pick<Lead, 'rejectionReason'>): boolean {
  return lead.rejectionReason !== null && lead.rejectionReason.trim() !== '';
}
