import type { CandidateField } from '../core/calibration/prepare-features';
import type { CrmKind } from '../core/lead';

/** What a lead looked like when it came in: the fields a definition may learn from. */
const leadInputs: readonly CandidateField[] = [
  { field: 'title', name: 'Job title' },
  { field: 'industry', name: 'Industry' },
  { field: 'employees', name: 'Employees' },
  { field: 'annualRevenue', name: 'Annual revenue' },
  { field: 'country', name: 'Country' },
  { field: 'state', name: 'State' },
  { field: 'source', name: 'Source' },
  { field: 'campaign', name: 'Campaign' },
  { field: 'domain', name: 'Email domain' },
  { field: 'doNotContact', name: 'Do not contact' },
  { field: 'signals.demo_request', name: 'Demo requests' },
  { field: 'signals.pricing_page_view', name: 'Pricing page views' },
  { field: 'signals.content_download', name: 'Content downloads' },
  { field: 'signals.webinar', name: 'Webinars' },
  { field: 'signals.form_submission', name: 'Form submissions' },
  { field: 'signals.page_view', name: 'Page views' },
];

/**
 * Fields sales fills in as it works a lead. They are offered too, so the leakage guard names them
 * in the report as left out (by name: status, owner, rejection, lifecycle stage) rather than them
 * vanishing unexplained; `--allow-field` can still take one in.
 */
const salesInputs: Readonly<Record<CrmKind, readonly CandidateField[]>> = {
  hubspot: [
    { field: 'raw.lifecyclestage', name: 'lifecyclestage' },
    { field: 'raw.hs_lead_status', name: 'hs_lead_status' },
    { field: 'ownerId', name: 'hubspot_owner_id' },
    { field: 'rejectionReason', name: 'accord_rejection_reason' },
  ],
  salesforce: [
    { field: 'status', name: 'Status' },
    { field: 'ownerId', name: 'OwnerId' },
    { field: 'rejectionReason', name: 'Accord_Rejection_Reason__c' },
  ],
};

/**
 * The fields calibration may use from CRM records. The outcome's own fields (IsConverted, the
 * converted dates) and activity bookkeeping (last contacted, last modified) are never offered.
 */
export function crmCandidateFields(crm: CrmKind): CandidateField[] {
  return [...leadInputs, ...salesInputs[crm]];
}
