import { hubspotContactProperties, hubspotContactToLead } from '../../../adapters/hubspot/hubspot-contact-to-lead';
import { parseHubspotEmployees } from '../../../adapters/hubspot/parse-hubspot-employees';
import { hubspotFixture } from './hubspot-fixture';

const batchRead = JSON.parse(hubspotFixture('batch-read-207-partial.json').toString('utf8')) as {
  results: Array<{ id: string; properties: Record<string, string | null> }>;
};
const maria = batchRead.results[0]!;

describe('hubspotContactToLead', () => {
  it('maps a real-shaped contact', () => {
    const lead = hubspotContactToLead('62515', maria);
    expect(lead).toEqual({
      crm: 'hubspot',
      tenantId: '62515',
      recordId: '1001',
      email: 'Maria.Lopez@Northwind.example',
      firstName: 'Maria',
      lastName: 'Lopez',
      title: 'VP Sales',
      company: 'Northwind Analytics',
      domain: 'northwind.example',
      industry: 'COMPUTER_SOFTWARE',
      employees: 300,
      annualRevenue: 25_000_000,
      country: 'United States',
      state: 'California',
      phone: '+1 415 555 0100',
      source: 'ORGANIC_SEARCH',
      campaign: 'Q4 Webinar',
      status: 'NEW',
      ownerId: '77001',
      doNotContact: false,
      createdAt: '2024-11-05T16:00:00.123Z',
      activity: [
        { kind: 'demo_request', count: 1, lastAt: '2024-11-05T16:00:00.000Z' },
        { kind: 'form_submission', count: 3, lastAt: '2024-11-05T16:00:00.000Z' },
        { kind: 'page_view', count: 14, lastAt: '2024-11-05T16:05:10.000Z' },
      ],
      rejectionReason: null,
      rejectionNote: null,
      accord: {
        score: 72,
        stage: 'sales_ready',
        why: 'Scored 72: VP title, 100-500 employees, requested a demo.',
        definitionVersion: 3,
        slaDueAt: '2024-11-05T17:00:00.000Z',
        ownerId: '77001',
        slaState: null,
      },
      raw: { ...maria.properties, mobilephone: null },
    });
  });

  it('turns empty strings into null, everywhere including raw', () => {
    const lead = hubspotContactToLead('1', { id: '5', properties: { email: '', jobtitle: ' ', company: null, hs_lead_status: '', lifecyclestage: 'lead' } });
    expect([lead.email, lead.domain, lead.title, lead.company]).toEqual([null, null, null, null]);
    expect(lead.status).toBe('lead');
    expect(lead.raw).toEqual({ email: null, jobtitle: null, company: null, hs_lead_status: null, lifecyclestage: 'lead' });
    expect(lead.activity).toEqual([]);
    expect(lead.accord).toEqual({ score: null, stage: null, why: null, definitionVersion: null, slaDueAt: null, ownerId: null, slaState: null });
  });

  it('reads opt-out, mobile phone fallback, rejection and a pricing-page conversion', () => {
    const lead = hubspotContactToLead('1', {
      id: '6',
      properties: {
        hs_email_optout: 'true',
        phone: '',
        mobilephone: '+44 7700 900123',
        accord_rejection_reason: 'no_budget',
        accord_rejection_note: 'Budget frozen until Q3',
        recent_conversion_event_name: 'Viewed PRICING page CTA',
        recent_conversion_date: '2024-10-01T09:30:00Z',
        num_conversion_events: '0',
        hs_analytics_num_page_views: '2',
      },
    });
    expect(lead.doNotContact).toBe(true);
    expect(lead.phone).toBe('+44 7700 900123');
    expect([lead.rejectionReason, lead.rejectionNote]).toEqual(['no_budget', 'Budget frozen until Q3']);
    expect(lead.activity).toEqual([
      { kind: 'pricing_page_view', count: 1, lastAt: '2024-10-01T09:30:00.000Z' },
      { kind: 'page_view', count: 2, lastAt: null },
    ]);
  });

  it('reads dates sent as ISO strings or as epoch milliseconds alike', () => {
    const iso = hubspotContactToLead('1', { id: '7', properties: { createdate: '2024-11-05T16:00:00Z', accord_sla_due_at: '2024-11-06T16:00:00.000Z' } });
    const epoch = hubspotContactToLead('1', { id: '7', properties: { createdate: '1730822400000', accord_sla_due_at: '1730908800000' } });
    expect([iso.createdAt, iso.accord.slaDueAt]).toEqual(['2024-11-05T16:00:00.000Z', '2024-11-06T16:00:00.000Z']);
    expect([epoch.createdAt, epoch.accord.slaDueAt]).toEqual([iso.createdAt, iso.accord.slaDueAt]);
    expect(hubspotContactToLead('1', { id: '7', properties: { createdate: 'yesterday' } }).createdAt).toBeNull();
  });

  it('lower-cases the domain after the last @', () => {
    expect(hubspotContactToLead('1', { id: '8', properties: { email: '"odd@name"@Sub.Example.CO.UK' } }).domain).toBe('sub.example.co.uk');
    expect(hubspotContactToLead('1', { id: '8', properties: { email: 'no-at-sign' } }).domain).toBeNull();
  });

  it('asks HubSpot for every property the mapping and the Accord fields need', () => {
    expect(hubspotContactProperties).toEqual(expect.arrayContaining(['numemployees', 'hs_email_optout', 'hubspot_owner_id', 'accord_rejection_note']));
    expect(new Set(hubspotContactProperties).size).toBe(hubspotContactProperties.length);
  });
});

describe('parseHubspotEmployees', () => {
  it.each([
    ['1-5', 3],
    ['5-25', 15],
    ['25-50', 38],
    ['50-100', 75],
    ['100-500', 300],
    ['500-1000', 750],
    ['1000+', 1000],
    ['10,000+', 10000],
    ['240', 240],
    ['1,200', 1200],
    [' 42 ', 42],
  ])('reads %j as %d', (value, employees) => {
    expect(parseHubspotEmployees(value)).toBe(employees);
  });

  it.each([[null], [''], ['many'], ['-']])('reads %j as unknown', (value) => {
    expect(parseHubspotEmployees(value)).toBeNull();
  });

  it('puts the 100-500 range inside the default 50–500 size band and 25-50 outside it', () => {
    const inBand = (n: number | null) => n !== null && n >= 50 && n <= 500;
    expect(inBand(parseHubspotEmployees('100-500'))).toBe(true);
    expect(inBand(parseHubspotEmployees('50-100'))).toBe(true);
    expect(inBand(parseHubspotEmployees('25-50'))).toBe(false);
    expect(inBand(parseHubspotEmployees('500-1000'))).toBe(false);
  });
});
