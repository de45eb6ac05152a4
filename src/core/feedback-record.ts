import type { RejectionClassification } from './classify-rejection';
import type { CrmKind } from './lead';
import type { LeadSummary } from './lead-summary';
import type { RejectionReason } from './rejection-reasons';

/** A rep's rejection, recorded once: the lead-guarantee and digest input. */
export interface FeedbackRecord {
  crm: CrmKind;
  tenantId: string;
  recordId: string;
  /** The taxonomy reason ("other" for free text), and the value as the rep left it. */
  reason: RejectionReason;
  reasonText: string;
  note: string | null;
  /** The rep who had the lead when rejecting it. */
  repOwnerId: string | null;
  repName: string | null;
  source: string | null;
  campaign: string | null;
  lead: LeadSummary;
  /** From the decision the lead was routed on (the last before the rejection). */
  definitionVersion: number | null;
  scoreAtRouting: number | null;
  routedAt: string | null;
  rejectedAt: string;
  classification: RejectionClassification;
}
