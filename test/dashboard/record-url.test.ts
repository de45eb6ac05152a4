import { recordUrl } from '../../src/server/dashboard/record-url';

describe('recordUrl', () => {
  it('opens HubSpot contacts in the HubSpot app', () => {
    expect(recordUrl({ crm: 'hubspot', tenantId: '62515', instanceUrl: null }, '1042')).toBe('https://app.hubspot.com/contacts/62515/record/0-1/1042');
    expect(recordUrl({ crm: 'hubspot', tenantId: '62515', instanceUrl: 'https://api.hubapi.com' }, '1042')).toBe(
      'https://app.hubspot.com/contacts/62515/record/0-1/1042',
    );
  });

  it('opens Salesforce leads in Lightning on the org’s instance', () => {
    expect(recordUrl({ crm: 'salesforce', tenantId: '00D5g000004XyZaEAK', instanceUrl: 'https://acme.my.salesforce.com/' }, '00Q5g00000A1b2CEAR')).toBe(
      'https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000A1b2CEAR/view',
    );
  });

  it('opens the sandbox CRM’s own contact URL, and escapes ids', () => {
    expect(recordUrl({ crm: 'hubspot', tenantId: '62515', instanceUrl: 'http://127.0.0.1:4100' }, '10/42')).toBe(
      'http://127.0.0.1:4100/crm/v3/objects/contacts/10%2F42',
    );
  });
});
