import { Connection } from 'jsforce';
import { createSalesforceAdapter, type SalesforceAdapter, type SalesforceAdapterOptions } from '../../../adapters/salesforce/create-salesforce-adapter';
import { SalesforceSessionRejectedError } from '../../../adapters/salesforce/salesforce-session-rejected-error';
import { SalesforceSetupError } from '../../../adapters/salesforce/salesforce-setup-error';
import { CrmUnavailableError, type TenantConnection } from '../../../src/core/crm-adapter';
import { startSandbox, type Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sandboxDefaults, type SalesforceSandboxOptions } from '../../../scripts/sandbox/sandbox-options';

const secretKey = 'adapter-test-secret-key-at-least-32-chars';

async function start(salesforce: SalesforceSandboxOptions = {}, options: Partial<SalesforceAdapterOptions> = {}) {
  const sandbox = await startSandbox({ clientSecret: 'x', appId: '1', seed: { contacts: 6, now: Date.parse('2025-03-03T09:00:00Z') }, salesforce });
  const org = sandbox.state.salesforce;
  const refreshed: Array<{ tenantId: string; accessToken: string }> = [];
  const adapter: SalesforceAdapter = createSalesforceAdapter({
    secretKey,
    client: { loginUrl: sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret },
    integrationUserId: () => org.integrationUserId,
    onTokenRefreshed: (tenantId, tokens) => refreshed.push({ tenantId, accessToken: tokens.accessToken }),
    ...options,
  });
  const connection: TenantConnection = { crm: 'salesforce', tenantId: org.orgId, accessToken: '', instanceUrl: sandbox.url, refreshToken: sandboxDefaults.salesforce.refreshToken };
  const leadIds = org.leads.list().map((lead) => String(lead.Id));
  return { sandbox, org, adapter, connection, refreshed, leadIds };
}

describe('Salesforce adapter against the sandbox org (real jsforce)', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('refreshes an expired session once, reports the new token, and retries the call', async () => {
    const s = await start();
    sandbox = s.sandbox;
    await s.adapter.readLeads(s.connection, s.leadIds.slice(0, 1));
    expect(s.refreshed).toHaveLength(1);
    expect(s.refreshed[0]?.tenantId).toBe(s.org.orgId);

    s.sandbox.salesforce.expireSessions();
    const leads = await s.adapter.readLeads(s.connection, s.leadIds.slice(0, 2));
    expect(leads).toHaveLength(2);
    expect(s.refreshed).toHaveLength(2);
    expect(s.refreshed[1]?.accessToken).not.toBe(s.refreshed[0]?.accessToken);
    expect(s.sandbox.callLog.count('POST /services/oauth2/token')).toBe(2);
  });

  it('gives up with SalesforceSessionRejectedError when the refresh token was revoked, after one token request', async () => {
    const s = await start();
    sandbox = s.sandbox;
    s.org.sessions.revokeRefreshToken(sandboxDefaults.salesforce.refreshToken);
    await expect(s.adapter.readLeads(s.connection, s.leadIds.slice(0, 1))).rejects.toBeInstanceOf(SalesforceSessionRejectedError);
    expect(s.sandbox.callLog.count('POST /services/oauth2/token')).toBe(1);
  });

  it('refreshes at most once per call, even when the new session is refused too', async () => {
    const s = await start();
    sandbox = s.sandbox;
    // Every session the org issues is dead on arrival: each resent request would meet another 401.
    const issue = s.org.sessions.issue.bind(s.org.sessions);
    s.org.sessions.issue = (userId: string) => {
      const token = issue(userId);
      s.sandbox.salesforce.expireSessions();
      return token;
    };
    await expect(s.adapter.readLeads(s.connection, s.leadIds.slice(0, 1))).rejects.toThrow(/refused again right after a refresh/);
    expect(s.sandbox.callLog.count('POST /services/oauth2/token')).toBe(1);
  });

  it('pages through query results with queryMore and asks 200 ids per query', async () => {
    const s = await start({ queryBatchSize: 2 });
    sandbox = s.sandbox;
    const leads = await s.adapter.readLeads(s.connection, s.leadIds);
    expect(leads.map((lead) => lead.recordId).sort()).toEqual([...s.leadIds].sort());
    // Lead describe, LeadStatus (4 rows: 2 pages), then the leads (6 rows: 3 pages).
    expect(s.sandbox.callLog.count('GET /services/data/:version/query')).toBe(2);
    expect(s.sandbox.callLog.count('GET /services/data/:version/query/:locator')).toBe(1 + 2);
  });

  it("sends Sforce-Auto-Assign: FALSE, so the org's assignment rule never takes back the owner Accord chose", async () => {
    const s = await start();
    sandbox = s.sandbox;
    const owner = (await s.adapter.listOwners(s.connection)).find((o) => o.teams.includes('West'));
    const [first, second] = s.leadIds;
    await s.adapter.writeDecisions(s.connection, [{ recordId: first as string, fields: { ownerId: owner?.id ?? null, score: 80 } }]);
    expect(s.org.leads.find(first as string)?.OwnerId).toBe(owner?.id);

    // The same write without the header, through plain jsforce: the rule hands the lead to the queue.
    const plain = new Connection({ oauth2: { loginUrl: s.sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret }, instanceUrl: s.sandbox.url, refreshToken: sandboxDefaults.salesforce.refreshToken, version: '62.0' });
    await plain.sobject('Lead').update([{ Id: second as string, OwnerId: owner?.id }], { allOrNone: false });
    expect(s.org.leads.find(second as string)?.OwnerId).toBe(s.org.leadQueueId);
  });

  it('skips converted leads and remembers them: no write is ever sent for them again', async () => {
    const s = await start();
    sandbox = s.sandbox;
    const [converted, open] = s.leadIds as [string, string];
    s.org.leads.convert(converted, s.org.adminUserId);
    const first = await s.adapter.writeDecisions(s.connection, [
      { recordId: converted, fields: { score: 50 } },
      { recordId: open, fields: { score: 51 } },
    ]);
    expect(first).toEqual([
      { recordId: converted, ok: false, retryable: false, code: 'CANNOT_UPDATE_CONVERTED_LEAD', message: expect.stringContaining('converted') },
      { recordId: open, ok: true },
    ]);
    s.sandbox.callLog.reset();
    const again = await s.adapter.writeDecisions(s.connection, [{ recordId: converted, fields: { score: 52 } }]);
    expect(again[0]).toMatchObject({ ok: false, code: 'CANNOT_UPDATE_CONVERTED_LEAD' });
    expect(s.sandbox.callLog.count()).toBe(0);
    expect(s.org.leads.find(converted)?.Accord_Score__c ?? null).toBeNull();
  });

  it('learns converted leads from reads too, before any write is refused', async () => {
    const s = await start();
    sandbox = s.sandbox;
    const [id] = s.leadIds as [string];
    s.org.leads.convert(id, s.org.adminUserId);
    await s.adapter.readLeads(s.connection, [id]);
    s.sandbox.callLog.reset();
    expect((await s.adapter.writeDecisions(s.connection, [{ recordId: id, fields: { score: 1 } }]))[0]).toMatchObject({ code: 'CANNOT_UPDATE_CONVERTED_LEAD' });
    expect(s.sandbox.callLog.count()).toBe(0);
  });

  it("fails a record Salesforce refuses with Salesforce's code and message, and writes the rest", async () => {
    const s = await start();
    sandbox = s.sandbox;
    const [bad, good] = s.leadIds as [string, string];
    const outcomes = await s.adapter.writeDecisions(s.connection, [
      { recordId: bad, fields: { stage: 'hot' } },
      { recordId: good, fields: { stage: 'mql' } },
    ]);
    expect(outcomes[0]).toEqual({
      recordId: bad,
      ok: false,
      retryable: false,
      code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Accord stage: bad value for restricted picklist field: hot (fields: Accord_Stage__c)',
    });
    expect(outcomes[1]).toEqual({ recordId: good, ok: true });
  });

  it('writes up to 200 records per sObject Collections call', async () => {
    const s = await start();
    sandbox = s.sandbox;
    const writes = Array.from({ length: 450 }, (_, i) => ({ recordId: s.leadIds[i % s.leadIds.length] as string, fields: { score: i % 100 } }));
    // The same record listed several times is one record: the last value wins.
    const fresh = Array.from({ length: 250 }, () => s.org.leads.create({ LastName: 'Doe', Company: 'Acme' }, s.org.adminUserId, { silent: true }));
    await s.adapter.listOwners(s.connection);
    s.sandbox.callLog.reset();
    const outcomes = await s.adapter.writeDecisions(s.connection, [...writes, ...fresh.map((lead) => ({ recordId: String(lead.Id), fields: { score: 7 } }))]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes).toHaveLength(700);
    expect(s.sandbox.callLog.count('PATCH /services/data/:version/composite/sobjects')).toBe(2);
    expect(s.org.leads.find(s.leadIds[0] as string)?.Accord_Score__c).toBe(444 % 100);
  });

  it('says which Accord fields an org lacks instead of installing', async () => {
    const s = await start({ accordFields: false });
    sandbox = s.sandbox;
    const error = await s.adapter.install(s.connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceSetupError);
    expect((error as Error).message).toMatch(/Accord_Score__c, Accord_Stage__c.*Accord_Rejection_Note__c/);
  });

  it('reads without the optional marketing fields when the org has none', async () => {
    const s = await start({ activityFields: false });
    sandbox = s.sandbox;
    const leads = await s.adapter.readLeads(s.connection, s.leadIds);
    expect(leads).toHaveLength(6);
    expect(leads.every((lead) => lead.activity.every((signal) => signal.kind !== 'page_view'))).toBe(true);
  });

  it('turns an org it cannot reach into CrmUnavailableError', async () => {
    const s = await start();
    await s.sandbox.close();
    const error = await s.adapter.readLeads(s.connection, s.leadIds.slice(0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmUnavailableError);
    expect((error as Error).message).toMatch(/could not be reached .*ECONNREFUSED/);
  });

  it('lists leads changed since a time, oldest change first', async () => {
    const s = await start();
    sandbox = s.sandbox;
    const since = new Date(Date.now() - 1000).toISOString();
    const [a, b] = s.leadIds as [string, string];
    s.org.leads.update(b, { Title: 'CTO' }, s.org.adminUserId);
    s.org.leads.update(a, { Title: 'CIO' }, s.org.adminUserId);
    const { changes, more } = await s.adapter.listChangedSince(s.connection, since, 100);
    expect(changes.map((c) => c.lead.recordId).sort()).toEqual([a, b].sort());
    expect(changes.map((c) => c.modifiedAt)).toEqual([...changes.map((c) => c.modifiedAt)].sort());
    expect(more).toBe(false);
    expect((await s.adapter.listChangedSince(s.connection, new Date(Date.now() + 5000).toISOString(), 100)).changes).toEqual([]);
  });
});
