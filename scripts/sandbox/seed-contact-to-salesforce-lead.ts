import { parseHubspotEmployees } from '../../adapters/hubspot/parse-hubspot-employees';

// HubSpot's analytics sources as the LeadSource values a Salesforce org would use.
const leadSources: Record<string, string> = {
  ORGANIC_SEARCH: 'Web',
  DIRECT_TRAFFIC: 'Web',
  PAID_SEARCH: 'Advertisement',
  PAID_SOCIAL: 'Advertisement',
  EMAIL_MARKETING: 'Email',
  SOCIAL_MEDIA: 'Social Media',
  REFERRALS: 'Partner Referral',
  OFFLINE: 'Trade Show',
};

// HubSpot lead statuses as a new org's lead process: working ones to "Working - Contacted".
const statuses: Record<string, string> = {
  NEW: 'Open - Not Contacted',
  OPEN: 'Open - Not Contacted',
  ATTEMPTED_TO_CONTACT: 'Open - Not Contacted',
  IN_PROGRESS: 'Working - Contacted',
  CONNECTED: 'Working - Contacted',
  UNQUALIFIED: 'Closed - Not Converted',
  BAD_TIMING: 'Closed - Not Converted',
};

const direct: Record<string, string> = {
  firstname: 'FirstName',
  lastname: 'LastName',
  email: 'Email',
  jobtitle: 'Title',
  company: 'Company',
  industry: 'Industry',
  country: 'Country',
  state: 'State',
  phone: 'Phone',
  mobilephone: 'MobilePhone',
  website: 'Website',
};

/**
 * The same person as a Salesforce Lead: the seed is written in HubSpot's terms, so one generator
 * makes both CRMs' people and a cross-CRM comparison compares like with like. Head counts take the
 * value Accord reads from HubSpot's range, marketing signals go to the optional activity fields
 * (when the org has them), owners map through `ownerIds` (HubSpot owner id → Salesforce user id).
 */
export function seedContactToSalesforceLead(
  properties: Readonly<Record<string, string>>,
  options: { ownerIds: ReadonlyMap<string, string>; activityFields: boolean },
): Record<string, unknown> {
  const lead: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(direct)) if (properties[from]) lead[to] = properties[from];
  const employees = parseHubspotEmployees(properties.numemployees ?? null);
  if (employees !== null) lead.NumberOfEmployees = employees;
  if (properties.annualrevenue) lead.AnnualRevenue = Number(properties.annualrevenue);
  const source = properties.hs_analytics_source;
  if (source) lead.LeadSource = leadSources[source] ?? 'Other';
  const status = properties.hs_lead_status;
  if (status) lead.Status = statuses[status] ?? 'Open - Not Contacted';
  const owner = properties.hubspot_owner_id ? options.ownerIds.get(properties.hubspot_owner_id) : undefined;
  if (owner) lead.OwnerId = owner;
  if (properties.hs_email_optout === 'true') lead.HasOptedOutOfEmail = true;
  if (options.activityFields) {
    if (properties.hs_analytics_num_page_views) lead.Page_Views__c = Number(properties.hs_analytics_num_page_views);
    if (properties.num_conversion_events) lead.Form_Submissions__c = Number(properties.num_conversion_events);
    if (properties.recent_conversion_event_name) lead.Last_Conversion__c = properties.recent_conversion_event_name;
    if (properties.recent_conversion_date) lead.Last_Conversion_Date__c = properties.recent_conversion_date;
  }
  return lead;
}
