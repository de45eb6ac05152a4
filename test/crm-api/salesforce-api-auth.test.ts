import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { createBackfill, runBackfill } from '../../src/pipeline/run-backfill';
import { issueApiKey } from '../../src/server/crm-api/api-key';
import { backfillView } from '../../src/server/crm-api/backfill-view';
import { systemClock } from '../../src/pipeline/clock';
import { recordViewSchema } from '../manifests/crm-api-schemas';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';

const orgId = toSalesforceId18(sandboxDefaults.salesforce.orgId) as string;
const tenant = { crm: 'salesforce' as const, tenantId: orgId };
const userId = '0055e0000000003AAA';

describe('Salesforce API: per-org key through the Named Credential, org id must match', () => {
  let stack: E2eStack;
  let key: string;
  let leadId: string;
  beforeAll(async () => {
    stack = await startE2eStack({}, {}, ['salesforce']);
    key = await issueApiKey(stack.accord.store, tenant, new Date().toISOString());
    leadId = await stack.salesforce.createLead({
      FirstName: 'Dana', LastName: 'Reyes', Email: 'dana.reyes@betasoloin.com', Title: 'VP of Sales', Company: 'Betasoloin',
      NumberOfEmployees: 300, Country: 'United States', State: 'CA', Last_Conversion__c: 'Demo request', Form_Submissions__c: 2,
    });
    await eventually(async () => ((await stack.accord.store.getLatestDecision(tenant, leadId)) ? true : undefined), 15_000, 'the lead to be decided');
  });
  afterAll(async () => {
    await stack.stop();
  });

  const call = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
    fetch(`${stack.accord.url}/api/salesforce${path}`, { ...init, headers: { accept: 'application/json', 'content-type': 'application/json', ...headers } });
  const apex = () => ({ authorization: `Bearer ${key}`, 'x-accord-org-id': orgId, 'x-accord-user-id': userId, 'x-accord-user-email': 'rep@acme.example' });

  it('serves the record panel to Apex with the org key, the 15-character id normalised', async () => {
    const response = await call(`/records/${leadId.slice(0, 15)}`, apex());
    expect(response.status).toBe(200);
    const view = recordViewSchema.parse(await response.json());
    expect(view).toMatchObject({ crm: 'salesforce', recordId: leadId, decision: { definitionVersion: 1 } });
  });

  it.each([
    ['no key', { authorization: '' }],
    ['an unknown key', { authorization: `Bearer ${'x'.repeat(43)}` }],
    ['another org id', { 'x-accord-org-id': '00D5e0000000OthEAA' }],
    ['no user', { 'x-accord-user-id': '' }],
  ])('refuses %s with 401', async (_what, override) => {
    const response = await call(`/records/${leadId}`, { ...apex(), ...override });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('a re-issued key replaces the old one at once', async () => {
    const old = key;
    key = await issueApiKey(stack.accord.store, tenant, new Date().toISOString());
    expect((await call(`/records/${leadId}`, { ...apex(), authorization: `Bearer ${old}` })).status).toBe(401);
    expect((await call(`/records/${leadId}`, apex())).status).toBe(200);
  });

  it('takes a rejection from the panel and writes the rep fields to the lead', async () => {
    const response = await call(`/records/${leadId}/rejection`, apex(), { method: 'POST', body: JSON.stringify({ reason: 'wrong_industry', note: null }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rejection: { reason: 'wrong_industry', rejectedBy: { id: userId, email: 'rep@acme.example' } }, canReject: false });
    const lead = await eventually(async () => {
      const l = await stack.salesforce.readLead(leadId);
      return l.Accord_Stage__c === 'nurture' ? l : undefined;
    }, 15_000, 'the lead to move to nurture');
    expect(lead.Accord_Rejection_Reason__c).toBe('wrong_industry');
  });

  it('lists owners and the definitions for the settings page', async () => {
    const owners = (await (await call('/owners', apex())).json()) as { owners: unknown[] };
    expect(owners.owners.length).toBeGreaterThan(0);
    expect(await (await call('/definitions', apex())).json()).toMatchObject({ current: { version: 1 }, draft: null });
  });

  it('backfills: pages open lead ids with SOQL, and the worker re-decides each', async () => {
    const second = await stack.salesforce.createLead({ FirstName: 'Lee', LastName: 'Park', Email: 'lee@betasoloin.com', Company: 'Betasoloin', Title: 'Engineer' });
    const converted = await stack.salesforce.createLead({ FirstName: 'Kim', LastName: 'Ito', Email: 'kim@betasoloin.com', Company: 'Betasoloin' });
    await stack.salesforce.convert(converted);
    const { store, runtime, logger } = stack.accord;
    const created = await createBackfill(store, tenant, new Date().toISOString());
    const enqueued = await runBackfill({ store, runtime, clock: systemClock, logger }, tenant, created.id);
    // The lead rejected from the panel above is sales' call: skipped, not re-decided.
    expect(enqueued).toMatchObject({ total: 1, skipped: 1, enqueueDone: true, error: null });
    const done = await eventually(async () => {
      const view = await backfillView(store, tenant, (await store.getBackfill(tenant, created.id)) ?? enqueued, new Date().toISOString());
      return view.status === 'succeeded' ? view : undefined;
    }, 15_000, 'the backfill to finish');
    expect(done).toMatchObject({ total: 1, processed: 1, failed: 0, skipped: 1 });
    expect(await store.getLatestDecision(tenant, second)).not.toBeNull();
  });
});
