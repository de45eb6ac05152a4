import type { Lead } from '../../src/core/lead';
import { hubspotActivitySignals } from './hubspot-activity-signals';
import { parseHubspotDate } from './parse-hubspot-date';
import { parseHubspotEmployees } from './parse-hubspot-employees';
import { parseHubspotNumber } from './parse-hubspot-number';

/** Every contact property Accord reads: HubSpot returns only the properties asked for. */
export const hubspotContactProperties = [
  'email',
  'firstname',
  'lastname',
  'jobtitle',
  'company',
  'numemployees',
  'industry',
  'country',
  'state',
  'phone',
  'mobilephone',
  'hs_lead_status',
  'lifecyclestage',
  'hs_analytics_source',
  'hs_analytics_first_touch_converting_campaign',
  'hs_analytics_num_page_views',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'num_conversion_events',
  'hubspot_owner_id',
  'createdate',
  'lastmodifieddate',
  'hs_email_optout',
  'annualrevenue',
  // When a rep last logged a call, email or meeting: sales' first touch stops the SLA clock.
  'notes_last_contacted',
  'hs_last_sales_activity_timestamp',
  'accord_score',
  'accord_stage',
  'accord_why',
  'accord_definition_version',
  'accord_sla_due_at',
  'accord_sla_state',
  'accord_rejection_reason',
  'accord_rejection_note',
] as const;

/** A contact as HubSpot's object APIs return it (only the parts the mapping needs). */
export interface HubspotContact {
  id: string;
  properties: Record<string, string | null | undefined>;
}

export function hubspotContactToLead(tenantId: string, contact: HubspotContact): Lead {
  const raw = withoutEmptyValues(contact.properties);
  const text = (name: string): string | null => raw[name] ?? null;
  const email = text('email');
  const ownerId = text('hubspot_owner_id');
  return {
    crm: 'hubspot',
    tenantId,
    recordId: contact.id,
    email,
    firstName: text('firstname'),
    lastName: text('lastname'),
    title: text('jobtitle'),
    company: text('company'),
    domain: domainOf(email),
    industry: text('industry'),
    employees: parseHubspotEmployees(text('numemployees')),
    annualRevenue: parseHubspotNumber(text('annualrevenue')),
    country: text('country'),
    state: text('state'),
    phone: text('phone') ?? text('mobilephone'),
    source: text('hs_analytics_source'),
    campaign: text('hs_analytics_first_touch_converting_campaign'),
    // Lead status is the sales-side status (like Salesforce's Lead.Status); lifecycle stage is the fallback.
    status: text('hs_lead_status') ?? text('lifecyclestage'),
    ownerId,
    doNotContact: text('hs_email_optout') === 'true',
    createdAt: parseHubspotDate(text('createdate')),
    activity: hubspotActivitySignals(raw),
    rejectionReason: text('accord_rejection_reason'),
    rejectionNote: text('accord_rejection_note'),
    accord: {
      score: parseHubspotNumber(text('accord_score')),
      stage: text('accord_stage'),
      why: text('accord_why'),
      definitionVersion: parseHubspotNumber(text('accord_definition_version')),
      slaDueAt: parseHubspotDate(text('accord_sla_due_at')),
      ownerId,
      slaState: text('accord_sla_state'),
    },
    raw,
  };
}

// HubSpot reports a cleared property as "" or null; Lead promises null for both.
function withoutEmptyValues(properties: Record<string, string | null | undefined>): Record<string, string | null> {
  const raw: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(properties)) {
    raw[name] = value === undefined || value === null || value.trim() === '' ? null : value;
  }
  return raw;
}

function domainOf(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
  return domain === '' ? null : domain;
}
