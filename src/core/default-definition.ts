import { defaultAcceptanceSettings } from './acceptance-settings-schema';
import { defaultTerritories } from './default-territories';
import { buyerTitleWords, nonBuyerTitleWords } from './default-title-words';
import { definitionSchema, type Definition, type DefinitionInput } from './definition';
import { disposableMailDomains } from './disposable-mail-domains';
import { freeMailDomains } from './free-mail-domains';

const input: DefinitionInput = {
  name: 'Accord default',
  version: 0,
  criteria: [
    {
      id: 'title_match',
      label: 'Title match',
      kind: 'fit',
      points: 30,
      when: { field: 'title', op: 'contains_any_word', value: [...buyerTitleWords] },
    },
    {
      id: 'company_size',
      label: 'Company size 50–500',
      kind: 'fit',
      points: 25,
      when: { field: 'employees', op: 'between', value: [50, 500] },
    },
    {
      id: 'verified_contact',
      label: 'Verified contact',
      kind: 'contact',
      points: 10,
      when: { all: [{ field: 'email', op: 'business_email' }, { field: 'phone', op: 'valid_phone' }] },
    },
  ],
  intent: {
    maxPoints: 35,
    halfLifeDays: 30,
    // Adds up to more than 35 on purpose: any two strong signals reach the cap.
    signals: [
      { id: 'demo_request', label: 'Demo request', activity: 'demo_request', minCount: 1, points: 20 },
      { id: 'pricing_page', label: 'Pricing page view', activity: 'pricing_page_view', minCount: 1, points: 10 },
      { id: 'engaged_visitor', label: 'Engaged visitor (10+ page views)', activity: 'page_view', minCount: 10, points: 10 },
      { id: 'repeat_converter', label: 'Repeat converter (2+ forms)', activity: 'form_submission', minCount: 2, points: 5 },
      { id: 'content_download', label: 'Content download', activity: 'content_download', minCount: 1, points: 5 },
      { id: 'webinar', label: 'Webinar', activity: 'webinar', minCount: 1, points: 5 },
    ],
  },
  disqualifiers: [
    { id: 'free_mail', label: 'Free-mail address', when: { field: 'domain', op: 'in_list', value: 'freeMailDomains' } },
    {
      id: 'invalid_email',
      label: 'Invalid email address',
      when: { all: [{ field: 'email', op: 'exists' }, { not: { field: 'email', op: 'valid_email' } }] },
    },
    {
      id: 'student',
      label: 'Student or job seeker',
      when: { field: 'title', op: 'contains_any_word', value: [...nonBuyerTitleWords] },
    },
    { id: 'competitor', label: 'Competitor', when: { field: 'domain', op: 'in_list', value: 'competitorDomains' } },
    {
      id: 'unserved_country',
      label: 'Unserved country',
      // not_in_list is false for an empty list and for an unknown country, as the rule requires.
      when: { field: 'country', op: 'not_in_list', value: 'servedCountries' },
    },
    { id: 'do_not_contact', label: 'Do not contact', when: { field: 'doNotContact', op: 'eq', value: true } },
    { id: 'placeholder_phone', label: 'Placeholder phone number', when: { field: 'phone', op: 'placeholder_phone' } },
  ],
  freeMailDomains: [...freeMailDomains, ...disposableMailDomains],
  competitorDomains: [],
  servedCountries: [],
  requiredFields: ['email', 'title', 'company', 'employees', 'country'],
  maxMissingRequired: 2,
  thresholds: { mql: 40, salesReady: 70 },
  autoAccept: { criteria: ['title_match', 'company_size'], minIntentShare: 0.7 },
  sla: {
    hotHours: 1,
    standardHours: 24,
    // A plain clock until the admin sets working hours: a 24 h SLA then means a day, not three.
    businessHours: { enabled: false, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    escalation: { action: 'reassign_next', maxReassignments: 2 },
    dueSoonFraction: 0.25,
  },
  timeZone: 'UTC',
  acceptance: defaultAcceptanceSettings,
  feedback: { marketingOwnerId: null },
  routing: {
    respectExistingOwner: true,
    territories: defaultTerritories,
    segments: [
      { id: 'commercial', label: 'Commercial', minEmployees: null, maxEmployees: 999 },
      { id: 'enterprise', label: 'Enterprise', minEmployees: 1000, maxEmployees: null },
    ],
    pools: [
      { id: 'west', name: 'West', regions: ['West'], team: 'West' },
      { id: 'central', name: 'Central', regions: ['Central'], team: 'Central' },
      { id: 'east', name: 'East', regions: ['East'], team: 'East' },
      // No members and no team means every available owner: nobody's lead is left unrouted.
      { id: 'everyone', name: 'Everyone', regions: [], segments: [], team: null, members: [] },
    ],
  },
};

/**
 * The worked example from the field: title 30, company size 25, intent 35, verified contact 10;
 * MQL at 40, sales-ready at 70. Parsed at load so a mistake here fails loudly, not per lead.
 */
export const defaultDefinition: Definition = definitionSchema.parse(input);
