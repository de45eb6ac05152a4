import type { PropertyGroup, PropertySpec } from './hubspot-property-definition';
import { propertyOptions } from './property-options';

export const standardContactPropertyGroups: ReadonlyArray<Omit<PropertyGroup, 'archived'>> = [
  { name: 'contactinformation', label: 'Contact information', displayOrder: 0 },
  { name: 'emailinformation', label: 'Email information', displayOrder: 1 },
  { name: 'analyticsinformation', label: 'Web analytics history', displayOrder: 2 },
  { name: 'conversioninformation', label: 'Conversion information', displayOrder: 3 },
  { name: 'sales_properties', label: 'Sales properties', displayOrder: 4 },
];

export const employeeRanges = ['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+'] as const;

export const leadStatuses = [
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
] as const;

export const lifecycleStages = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

export const analyticsSources = [
  'ORGANIC_SEARCH',
  'PAID_SEARCH',
  'EMAIL_MARKETING',
  'SOCIAL_MEDIA',
  'REFERRALS',
  'OTHER_CAMPAIGNS',
  'DIRECT_TRAFFIC',
  'OFFLINE',
  'PAID_SOCIAL',
] as const;

const text = (name: string, label: string, groupName = 'contactinformation'): PropertySpec => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
  groupName,
  formField: true,
});

/** The HubSpot-defined contact properties Accord reads or that a portal always has. */
export const standardContactProperties: readonly PropertySpec[] = [
  { ...text('email', 'Email'), hasUniqueValue: true },
  text('firstname', 'First Name'),
  text('lastname', 'Last Name'),
  text('jobtitle', 'Job Title'),
  text('company', 'Company Name'),
  text('website', 'Website URL'),
  text('industry', 'Industry'),
  text('country', 'Country/Region'),
  text('state', 'State/Region'),
  text('city', 'City'),
  text('zip', 'Postal Code'),
  { ...text('phone', 'Phone Number'), fieldType: 'phonenumber' },
  { ...text('mobilephone', 'Mobile Phone Number'), fieldType: 'phonenumber' },
  // Contacts' annual revenue is a free-text property in HubSpot (the company one is a number).
  text('annualrevenue', 'Annual Revenue'),
  {
    name: 'numemployees',
    label: 'Number of Employees',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'contactinformation',
    options: propertyOptions(employeeRanges),
    formField: true,
  },
  {
    name: 'hs_lead_status',
    label: 'Lead Status',
    type: 'enumeration',
    fieldType: 'radio',
    groupName: 'sales_properties',
    options: propertyOptions(leadStatuses, {
      NEW: 'New',
      OPEN: 'Open',
      IN_PROGRESS: 'In Progress',
      OPEN_DEAL: 'Open Deal',
      UNQUALIFIED: 'Unqualified',
      ATTEMPTED_TO_CONTACT: 'Attempted to Contact',
      CONNECTED: 'Connected',
      BAD_TIMING: 'Bad Timing',
    }),
  },
  {
    name: 'lifecyclestage',
    label: 'Lifecycle Stage',
    type: 'enumeration',
    fieldType: 'radio',
    groupName: 'contactinformation',
    options: propertyOptions(lifecycleStages, {
      subscriber: 'Subscriber',
      lead: 'Lead',
      marketingqualifiedlead: 'Marketing Qualified Lead',
      salesqualifiedlead: 'Sales Qualified Lead',
      opportunity: 'Opportunity',
      customer: 'Customer',
      evangelist: 'Evangelist',
      other: 'Other',
    }),
  },
  {
    name: 'hs_analytics_source',
    label: 'Original Source',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'analyticsinformation',
    options: propertyOptions(analyticsSources, {
      ORGANIC_SEARCH: 'Organic Search',
      PAID_SEARCH: 'Paid Search',
      EMAIL_MARKETING: 'Email Marketing',
      SOCIAL_MEDIA: 'Organic Social',
      REFERRALS: 'Referrals',
      OTHER_CAMPAIGNS: 'Other Campaigns',
      DIRECT_TRAFFIC: 'Direct Traffic',
      OFFLINE: 'Offline Sources',
      PAID_SOCIAL: 'Paid Social',
    }),
  },
  text('hs_analytics_first_touch_converting_campaign', 'First Touch Converting Campaign', 'analyticsinformation'),
  { name: 'hs_analytics_num_page_views', label: 'Number of Pageviews', type: 'number', fieldType: 'number', groupName: 'analyticsinformation' },
  text('recent_conversion_event_name', 'Recent Conversion', 'conversioninformation'),
  { name: 'recent_conversion_date', label: 'Recent Conversion Date', type: 'datetime', fieldType: 'date', groupName: 'conversioninformation' },
  { name: 'num_conversion_events', label: 'Number of Form Submissions', type: 'number', fieldType: 'number', groupName: 'conversioninformation' },
  {
    name: 'hubspot_owner_id',
    label: 'Contact owner',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'sales_properties',
    referencedObjectType: 'OWNER',
  },
  {
    name: 'hs_email_optout',
    label: 'Unsubscribed from all email',
    type: 'enumeration',
    fieldType: 'booleancheckbox',
    groupName: 'emailinformation',
    options: propertyOptions(['true', 'false'], { true: 'Yes', false: 'No' }),
  },
  { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: 'contactinformation' },
  // Set by HubSpot when a rep logs a call, email or meeting: Accord reads them as sales' first touch.
  { name: 'notes_last_contacted', label: 'Last Contacted', type: 'datetime', fieldType: 'date', groupName: 'sales_properties' },
  { name: 'hs_last_sales_activity_timestamp', label: 'Last Engagement Date', type: 'datetime', fieldType: 'date', groupName: 'sales_properties' },
  // HubSpot fills these from the contact's deals; the sandbox has no deals, so tests set them as the rollup would.
  { name: 'hs_lifecyclestage_customer_date', label: 'Became a Customer Date', type: 'datetime', fieldType: 'date', groupName: 'contactinformation' },
  { name: 'recent_deal_amount', label: 'Recent Deal Amount', type: 'number', fieldType: 'number', groupName: 'sales_properties' },
  { name: 'total_revenue', label: 'Total Revenue', type: 'number', fieldType: 'number', groupName: 'sales_properties' },
  {
    name: 'lastmodifieddate',
    label: 'Last Modified Date',
    type: 'datetime',
    fieldType: 'date',
    groupName: 'contactinformation',
    readOnlyValue: true,
  },
  {
    name: 'hs_object_id',
    label: 'Record ID',
    type: 'number',
    fieldType: 'number',
    groupName: 'contactinformation',
    readOnlyValue: true,
  },
];
