import { hubspotContactToLead } from '../../../adapters/hubspot/hubspot-contact-to-lead';
import { leadStatusCatalog } from '../../../adapters/salesforce/lead-status-catalog';
import { parseOutboundMessage } from '../../../adapters/salesforce/parse-outbound-message';
import { salesforceInputDigest } from '../../../adapters/salesforce/salesforce-input-digest';
import { salesforceRecordToLead } from '../../../adapters/salesforce/salesforce-record-to-lead';
import { fixtureIntegrationUser, fixtureOrg, salesforceFixture } from './salesforce-fixture';

const restRecord = (JSON.parse(salesforceFixture('query-leads.json').toString('utf8')) as { records: Array<Record<string, unknown>> }).records[0] as Record<string, unknown>;
const context = { tenantId: fixtureOrg, integrationUserId: fixtureIntegrationUser, statuses: null };

describe('salesforceRecordToLead', () => {
  it('maps a REST record to the core lead, Accord fields included', () => {
    const lead = salesforceRecordToLead(restRecord, context);
    expect(lead).toMatchObject({
      crm: 'salesforce',
      tenantId: fixtureOrg,
      recordId: '00Q5e000001AbCdEAK',
      email: 'dana.reyes@gekko-co.com',
      domain: 'gekko-co.com',
      company: 'Gekko & Co',
      employees: 300,
      annualRevenue: 5_000_000,
      state: 'CA',
      source: 'Web - Demo',
      status: 'Open - Not Contacted',
      // Owned by a queue: nobody routing could keep.
      ownerId: null,
      doNotContact: false,
      createdAt: '2024-11-05T16:00:00.000Z',
      rejectionReason: null,
      accord: { score: 100, stage: 'sales_ready', definitionVersion: 1, slaDueAt: '2024-11-05T17:05:00.000Z', ownerId: null },
    });
    // LeadSource "Web - Demo" is a demo request, dated when the lead came in.
    expect(lead.activity).toEqual([{ kind: 'demo_request', count: 1, lastAt: '2024-11-05T16:00:00.000Z' }]);
    expect(lead.raw).toMatchObject({ Company: 'Gekko & Co', NumberOfEmployees: '300', IsConverted: 'false', CreatedDate: '2024-11-05T16:00:00.000Z' });
  });

  it("treats leads owned by Accord's own user as unowned, and users' leads as theirs", () => {
    expect(salesforceRecordToLead({ ...restRecord, OwnerId: fixtureIntegrationUser }, context).ownerId).toBeNull();
    expect(salesforceRecordToLead({ ...restRecord, OwnerId: '0055e000000Rep1' }, context).ownerId).toBe('0055e000000Rep1AAC');
  });

  it('reads web-to-lead\'s "[not provided]" as missing', () => {
    const lead = salesforceRecordToLead({ ...restRecord, Company: '[not provided]', LastName: '[not provided]' }, context);
    expect([lead.company, lead.lastName]).toEqual([null, null]);
  });

  it('does not let DoNotCall or an email opt-out pass unnoticed', () => {
    expect(salesforceRecordToLead({ ...restRecord, DoNotCall: true }, context).doNotContact).toBe(true);
    expect(salesforceRecordToLead({ ...restRecord, HasOptedOutOfEmail: 'true' }, context).doNotContact).toBe(true);
  });

  it("uses the org's lead statuses to tell working ones, whatever their label", () => {
    const statuses = leadStatusCatalog([
      { MasterLabel: 'New', SortOrder: 1, IsDefault: true, IsConverted: false },
      { MasterLabel: 'Contacted', SortOrder: 2, IsDefault: false, IsConverted: false },
      { MasterLabel: 'Nurturing', ApiName: 'Nurturing_Long', SortOrder: 3, IsDefault: false, IsConverted: false },
      { MasterLabel: 'Qualified', SortOrder: 4, IsDefault: false, IsConverted: true },
      { MasterLabel: 'Unqualified', SortOrder: 5, IsDefault: false, IsConverted: false },
    ]);
    const statusOf = (Status: string) => salesforceRecordToLead({ ...restRecord, Status }, { ...context, statuses }).status;
    expect(statusOf('Contacted')).toBe('Working');
    expect(statusOf('Nurturing_Long')).toBe('Working');
    expect(statusOf('New')).toBe('New');
    expect(statusOf('Unqualified')).toBe('Unqualified');
    expect(statuses.isConverted('qualified')).toBe(true);
  });

  it('reads the optional marketing fields exactly as HubSpot reads the same person', () => {
    const values = {
      ...restRecord,
      LeadSource: 'Web',
      LastModifiedDate: '2024-11-05T16:05:00.000+0000',
      Page_Views__c: 14,
      Form_Submissions__c: 2,
      Last_Conversion__c: 'Demo request',
      Last_Conversion_Date__c: '2024-11-01T10:00:00.000+0000',
    };
    const hubspot = hubspotContactToLead('1', {
      id: '1',
      properties: {
        hs_analytics_num_page_views: '14',
        num_conversion_events: '2',
        recent_conversion_event_name: 'Demo request',
        recent_conversion_date: '2024-11-01T10:00:00.000Z',
        lastmodifieddate: '2024-11-05T16:05:00.000Z',
      },
    });
    expect(salesforceRecordToLead(values, context).activity).toEqual(hubspot.activity);
  });
});

describe('salesforceInputDigest', () => {
  const notification = parseOutboundMessage(salesforceFixture('outbound-two-leads.xml')).notifications[0]?.fields ?? {};

  it('is the same for a REST read and an outbound message of the same record state', () => {
    // The fixtures hold the same lead; the REST one is later: Accord has written its fields since.
    const sameInputs = { ...restRecord, Title: 'VP of Sales' };
    expect(salesforceInputDigest(sameInputs)).toBe(salesforceInputDigest(notification));
  });

  it("ignores Accord's outputs, the owner and the modification stamps", () => {
    const base = salesforceInputDigest(restRecord);
    expect(
      salesforceInputDigest({
        ...restRecord,
        Accord_Score__c: 3,
        Accord_Why__c: 'other',
        Accord_SLA_Due__c: null,
        OwnerId: '0055e000000Rep1AAC',
        LastModifiedDate: '2025-01-01T00:00:00.000+0000',
        LastModifiedById: '0055e000000Rep1AAC',
      }),
    ).toBe(base);
  });

  it.each([
    ['Title', 'Intern'],
    ['Status', 'Working - Contacted'],
    ['NumberOfEmployees', 301],
    ['IsConverted', true],
    ['Accord_Rejection_Reason__c', 'no_budget'],
    ['Page_Views__c', 1],
  ])('changes when %s changes', (field, value) => {
    expect(salesforceInputDigest({ ...restRecord, [field]: value })).not.toBe(salesforceInputDigest(restRecord));
  });
});
