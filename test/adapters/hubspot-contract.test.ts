import { createHubspotAdapter } from '../../adapters/hubspot/create-hubspot-adapter';
import { startSandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { describeCrmAdapterContract } from './crm-adapter-contract';

describeCrmAdapterContract('HubSpot', async () => {
  const sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 5, now: Date.parse('2025-03-03T09:00:00Z') } });
  const contacts = sandbox.state.hubspot.contacts;
  const text = (value: string | undefined) => value ?? null;
  return {
    sandbox,
    adapter: createHubspotAdapter({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, basePath: sandbox.url }),
    connection: { crm: 'hubspot', tenantId: sandboxDefaults.portalId, accessToken: sandboxDefaults.accessToken, instanceUrl: null },
    known: contacts.list().map((c) => ({ id: c.id, email: text(c.properties.email), title: text(c.properties.jobtitle), country: text(c.properties.country) })),
    missingId: '99999999',
    accordFieldsOn(id) {
      const p = contacts.get(id).properties;
      const number = (value: string | undefined) => (value === undefined ? null : Number(value));
      return { score: number(p.accord_score), stage: text(p.accord_stage), why: text(p.accord_why), definitionVersion: number(p.accord_definition_version), ownerId: text(p.hubspot_owner_id) };
    },
    injectReadFault(mode) {
      sandbox.faults.inject({ mode, count: 1, status: 503, retryAfterSeconds: 2, paths: ['/crm/v3/objects/contacts/batch/read'] });
    },
    stop: () => sandbox.close(),
  };
});
