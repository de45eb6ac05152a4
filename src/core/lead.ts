/** Which CRM a record lives in. */
export type CrmKind = 'hubspot' | 'salesforce';

/** A tenant is one installed CRM account: a HubSpot portal or a Salesforce org. */
export interface TenantRef {
  crm: CrmKind;
  tenantId: string;
}

export const activityKinds = [
  'demo_request',
  'pricing_page_view',
  'content_download',
  'webinar',
  'form_submission',
  'page_view',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** One intent signal: how many times it happened and when it last happened (ISO time, if known). */
export interface ActivitySignal {
  kind: ActivityKind;
  count: number;
  lastAt: string | null;
}

/** The values Accord itself writes on a record, as they are on the record now. */
export interface AccordFields {
  score: number | null;
  stage: string | null;
  why: string | null;
  definitionVersion: number | null;
  slaDueAt: string | null;
  ownerId: string | null;
  /**
   * Where the response clock stands (`on_track | due_soon | breached`), null when none runs.
   * Optional: records and callers from before it existed leave it out, and a missing one is never written.
   */
  slaState?: string | null;
}

/**
 * A contact (HubSpot) or lead (Salesforce), normalised by its CRM adapter.
 * Unknown values are null, never empty strings.
 */
export interface Lead {
  crm: CrmKind;
  tenantId: string;
  recordId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  company: string | null;
  /** Lower-cased domain of the email address, derived by the adapter. */
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  country: string | null;
  state: string | null;
  phone: string | null;
  source: string | null;
  campaign: string | null;
  /** CRM lifecycle stage or lead status, as the CRM names it. */
  status: string | null;
  ownerId: string | null;
  doNotContact: boolean;
  createdAt: string | null;
  activity: ActivitySignal[];
  /** Rep-entered rejection, read back from the record. */
  rejectionReason: string | null;
  rejectionNote: string | null;
  /** What Accord wrote last time, as read from the record (for change detection). */
  accord: AccordFields;
  /** Every CRM property read, by its CRM name, for custom criteria (`raw.<name>`). */
  raw: Record<string, string | null>;
  /**
   * Digest of the CRM values this lead was read from, Accord's own output fields and modification
   * metadata left out. Set by adapters whose notifications carry values (Salesforce), so an echo of
   * Accord's own write can be told from a real change without reading the record again.
   */
  inputDigest?: string;
}

export const emptyAccordFields: AccordFields = {
  score: null,
  stage: null,
  why: null,
  definitionVersion: null,
  slaDueAt: null,
  ownerId: null,
};
