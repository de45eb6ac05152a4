import { createSalesforceAdapter } from '../../adapters/salesforce/create-salesforce-adapter';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { startSandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { describeCrmAdapterContract } from './crm-adapter-contract';

describeCrmAdapterContract('Salesforce', async () => {
  const sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 5, now: Date.parse('2025-03-03T09:00:00Z') } });
  const org = sandbox.state.salesforce;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    sandbox,
    adapter: createSalesforceAdapter({
      secretKey: 'contract-secret-key-with-at-least-32-chars',
      client: { loginUrl: sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret },
      integrationUserId: () => org.integrationUserId,
    }),
    connection: { crm: 'salesforce', tenantId: org.orgId, accessToken: '', instanceUrl: sandbox.url, refreshToken: sandboxDefaults.salesforce.refreshToken },
    known: org.leads.list().map((lead) => ({ id: String(lead.Id), email: text(lead.Email), title: text(lead.Title), country: text(lead.Country) })),
    missingId: toSalesforceId18('00Q5e0000009999') as string,
    accordFieldsOn(id) {
      const lead = org.leads.find(id) ?? {};
      return { score: number(lead.Accord_Score__c), stage: text(lead.Accord_Stage__c), why: text(lead.Accord_Why__c), definitionVersion: number(lead.Accord_Definition_Version__c), ownerId: text(lead.OwnerId) };
    },
    injectReadFault(mode) {
      sandbox.faults.inject({ mode, count: 1, status: 503, paths: ['/services/data/:version/query'] });
    },
    stop: () => sandbox.close(),
  };
});
