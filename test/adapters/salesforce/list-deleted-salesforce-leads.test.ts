import { createSalesforceAdapter } from '../../../adapters/salesforce/create-salesforce-adapter';
import { salesforceClockSkewMs } from '../../../adapters/salesforce/list-deleted-salesforce-leads';
import type { TenantConnection } from '../../../src/core/crm-adapter';
import { startSandbox, type Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../../scripts/sandbox/sandbox-options';

const day = 24 * 60 * 60 * 1000;

describe('listDeletedSince: the org delete log through jsforce', () => {
  let sandbox: Sandbox;
  let connection: TenantConnection;
  const adapter = () =>
    createSalesforceAdapter({
      secretKey: 'adapter-test-secret-key-at-least-32-chars',
      client: { loginUrl: sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret },
      integrationUserId: () => sandbox.state.salesforce.integrationUserId,
    });
  const deletedCalls = () => sandbox.callLog.count('GET /services/data/:version/sobjects/:type/deleted');

  beforeAll(async () => {
    sandbox = await startSandbox({ clientSecret: 'x', appId: '1', seed: { contacts: 3, now: Date.now() } });
    const org = sandbox.state.salesforce;
    connection = { crm: 'salesforce', tenantId: org.orgId, accessToken: '', instanceUrl: sandbox.url, refreshToken: sandboxDefaults.salesforce.refreshToken };
  });
  afterAll(async () => sandbox.close());

  it('lists deleted and merged-away leads with when, and where the next read starts', async () => {
    const org = sandbox.state.salesforce;
    const [gone, loser, master] = org.leads.list().map((lead) => String(lead.Id));
    const since = new Date(Date.now() - 60 * 60_000).toISOString();
    org.leads.delete(String(gone), org.adminUserId);
    org.leads.merge(String(master), [String(loser)], org.adminUserId);
    await new Promise((r) => setTimeout(r, salesforceClockSkewMs + 1100));
    const result = await adapter().listDeletedSince(connection, since, new Date().toISOString());
    expect(result.deleted.map((d) => d.recordId).sort()).toEqual([gone, loser].sort());
    for (const d of result.deleted) expect(Math.abs(Date.parse(d.deletedAt) - Date.now())).toBeLessThan(10_000);
    expect(Date.parse(result.coveredUntil)).toBeGreaterThan(Date.parse(since));
    expect(Date.parse(result.coveredUntil)).toBeLessThanOrEqual(Date.now());
    expect(org.leads.find(String(master))).toBeDefined();
  });

  it('reads at most the 15 days Salesforce keeps when the cursor is older, instead of being refused', async () => {
    const result = await adapter().listDeletedSince(connection, new Date(Date.now() - 40 * day).toISOString(), new Date().toISOString());
    expect(result.deleted.length).toBeGreaterThan(0);
  });

  it('makes no call while the window is under a second', async () => {
    const before = deletedCalls();
    expect(before).toBeGreaterThan(0);
    const now = new Date().toISOString();
    expect(await adapter().listDeletedSince(connection, now, now)).toEqual({ deleted: [], coveredUntil: now });
    expect(deletedCalls()).toBe(before);
  });
});
