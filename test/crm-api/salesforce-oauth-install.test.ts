import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { salesforceOrgToken } from '../../adapters/salesforce/salesforce-org-token';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { credentialsSealer } from '../../src/config/credentials-sealer';
import { loadConfig } from '../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../src/main';
import { openSalesforceCredentials } from '../../src/server/oauth/salesforce-oauth-credentials';
import { eventually } from '../e2e/start-e2e-stack';

const secretKey = 'salesforce-oauth-test-secret-key-with-32-plus-characters';
const orgId = toSalesforceId18(sandboxDefaults.salesforce.orgId) as string;
const tenant = { crm: 'salesforce' as const, tenantId: orgId };
const hotLead = {
  FirstName: 'Dana', LastName: 'Reyes', Email: 'dana.reyes@betasoloin.com', Title: 'VP of Sales', Company: 'Betasoloin',
  NumberOfEmployees: 300, Country: 'United States', State: 'CA', Phone: '+1 415 867 2301', Last_Conversion__c: 'Demo request', Form_Submissions__c: 2,
};

describe('Salesforce install: OAuth web-server flow with PKCE against the sandbox org, no org in the environment', () => {
  let sandbox: Sandbox;
  let accord: RunningAccord;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-sf-oauth-'));
    sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 }, webhookBatchMs: 10, retryBaseMs: 20, salesforce: { outboundBatchMs: 10, outboundRetryBaseMs: 20 } });
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'accord.db')}`,
      WORKER_POLL_MS: '20',
      ACCORD_SECRET_KEY: secretKey,
      SALESFORCE_OAUTH_INSTALL: 'true',
      SALESFORCE_LOGIN_URL: sandbox.url,
      SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
      SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
    });
    accord = await startAccord({ config, logger: pino({ level: 'silent' }), jobs: false });
  });
  afterAll(async () => {
    await accord.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => fetch(url, { redirect: 'manual' });

  /** The admin clicks "install" and lands on Salesforce's consent screen; returns its URL. */
  async function authorizeUrl(): Promise<URL> {
    const install = await get(`${accord.url}/oauth/salesforce/install`);
    expect(install.status).toBe(302);
    return new URL(install.headers.get('location') ?? '');
  }

  /** The admin allows access; returns the callback URL Salesforce redirects to. */
  async function consent(authorize: URL): Promise<string> {
    const consented = await get(authorize.toString());
    expect(consented.status).toBe(302);
    return consented.headers.get('location') ?? '';
  }

  /** The values the install page shows once, in order: outbound URL, API key. */
  async function install(): Promise<{ status: number; page: string; outboundUrl: string; apiKey: string }> {
    const answer = await get(await consent(await authorizeUrl()));
    const page = await answer.text();
    const [outboundUrl = '', apiKey = ''] = [...page.matchAll(/<pre>([^<]*)<\/pre>/g)].map((m) => m[1] ?? '');
    return { status: answer.status, page, outboundUrl, apiKey };
  }

  function rawTenantRow(): { credentials: string; installed_at: string; active: number } {
    const db = new Database(join(dir, 'accord.db'), { readonly: true });
    try {
      return db.prepare('SELECT credentials, installed_at, active FROM tenants WHERE crm = ? AND tenant_id = ?').get('salesforce', orgId) as never;
    } finally {
      db.close();
    }
  }

  const owners = (apiKey: string) =>
    fetch(`${accord.url}/api/salesforce/owners`, { headers: { authorization: `Bearer ${apiKey}`, 'x-accord-org-id': orgId, 'x-accord-user-id': '0055e0000000003AAA', accept: 'application/json' } });

  let first: Awaited<ReturnType<typeof install>>;

  it('sends the admin to the consent screen with PKCE S256, the scopes and a signed state', async () => {
    const authorize = await authorizeUrl();
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sandbox.url}/services/oauth2/authorize`);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('client_id')).toBe(sandboxDefaults.salesforce.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${accord.url}/oauth/salesforce/callback`);
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a code issued for another PKCE challenge, and stores nothing', async () => {
    const authorize = await authorizeUrl();
    authorize.searchParams.set('code_challenge', 'A'.repeat(43));
    const answer = await get(await consent(authorize));
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('invalid code verifier');
    expect(await accord.store.getTenant(tenant)).toBeNull();
  });

  it('installs: session sealed at rest, fields checked, default definition, owners, and the endpoint and key shown once', async () => {
    first = await install();
    expect(first.status).toBe(200);
    expect(first.page).toContain('Accord is installed');
    expect(first.outboundUrl).toBe(`${accord.url}/webhooks/salesforce/${salesforceOrgToken(secretKey, orgId)}`);
    expect(first.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = rawTenantRow();
    expect(row.active).toBe(1);
    expect(row.credentials).toMatch(/^v1:gcm:/);
    const credentials = openSalesforceCredentials(credentialsSealer(secretKey), row.credentials);
    expect(credentials).toMatchObject({ kind: 'salesforce-oauth', organizationId: orgId, userId: sandbox.state.salesforce.integrationUserId, instanceUrl: sandbox.url });
    expect(row.credentials).not.toContain(credentials?.accessToken);
    expect(row.credentials).not.toContain(credentials?.refreshToken);

    expect((await accord.store.getPublishedDefinition(tenant))?.version).toBe(1);
    const synced = await accord.store.listOwners(tenant);
    expect(synced.length).toBeGreaterThan(0);
    // The user Accord was authorized as is Accord itself, never a lead owner.
    expect(synced.map((o) => o.id)).not.toContain(sandbox.state.salesforce.integrationUserId);
    expect((await owners(first.apiKey)).status).toBe(200);
  });

  it('refuses a replayed or forged state with 400 and a message', async () => {
    const callback = await consent(await authorizeUrl());
    expect((await get(callback)).status).toBe(200);
    const replay = await get(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Install link already used');
    const forged = new URL(callback);
    forged.searchParams.set('state', `${forged.searchParams.get('state')?.split('.')[0]}.forged`);
    const refused = await get(forged.toString());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Install link expired or invalid');
  });

  it('decides an outbound message for the org and writes the lead back through jsforce with the installed session', async () => {
    first = await install();
    sandbox.setSalesforceOutboundUrl(first.outboundUrl);
    const created = (await (
      await fetch(`${sandbox.url}/_sandbox/salesforce/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: hotLead }) })
    ).json()) as { Id: string };
    const written = await eventually(async () => {
      const lead = (await (await fetch(`${sandbox.url}/_sandbox/salesforce/leads/${created.Id}`)).json()) as Record<string, unknown>;
      return lead.Accord_Stage__c ? lead : undefined;
    }, 15_000, 'the lead to be written back');
    const decision = await accord.store.getLatestDecision(tenant, created.Id);
    expect(decision).not.toBeNull();
    expect(written).toMatchObject({ Accord_Stage__c: decision?.stage, Accord_Score__c: decision?.score, Accord_Definition_Version__c: 1 });
    expect(sandbox.callLog.count('PATCH /services/data/:version/composite/sobjects')).toBeGreaterThan(0);
  });

  it('a reinstall updates the same tenant: new session, new key (the old one stops working), still one org', async () => {
    const before = rawTenantRow();
    const again = await install();
    expect(again.status).toBe(200);
    const after = rawTenantRow();
    expect((await accord.store.listTenants('salesforce')).map((t) => t.tenantId)).toEqual([orgId]);
    expect(after.installed_at).toBe(before.installed_at);
    expect(after.credentials).not.toBe(before.credentials);
    expect((await accord.store.listDefinitions(tenant)).filter((d) => d.status === 'published')).toHaveLength(1);
    expect((await owners(first.apiKey)).status).toBe(401);
    expect((await owners(again.apiKey)).status).toBe(200);
    first = again;
  });

  it('an expired session is refreshed with the refresh token on the 401, and the new session is sealed into the row', async () => {
    const before = openSalesforceCredentials(credentialsSealer(secretKey), rawTenantRow().credentials);
    expect((await fetch(`${sandbox.url}/_sandbox/salesforce/sessions/expire`, { method: 'POST' })).status).toBe(200);
    const leadId = (await accord.store.listCurrentDecisions(tenant))[0]?.recordId as string;
    const refreshesBefore = sandbox.state.salesforce.sessions.refreshes;
    const now = new Date().toISOString();
    await accord.store.enqueueEvents([{ ...tenant, recordId: leadId, kind: 'changed', changedFields: [], occurredAt: now, dedupeKey: 'expired-session-1', ownWrite: false }], now);
    await eventually(async () => ((await accord.store.inboxStats(new Date().toISOString())).pending === 0 ? true : undefined), 15_000, 'the event to be processed');
    expect((await accord.store.listDeadLetters(tenant)).map((d) => d.event.dedupeKey)).not.toContain('expired-session-1');
    expect(sandbox.state.salesforce.sessions.refreshes).toBe(refreshesBefore + 1);
    const after = await eventually(async () => {
      const sealed = openSalesforceCredentials(credentialsSealer(secretKey), rawTenantRow().credentials);
      return sealed && sealed.accessToken !== before?.accessToken ? sealed : undefined;
    }, 10_000, 'the refreshed session to be stored');
    expect(after.refreshToken).toBe(before?.refreshToken);
    expect((await accord.store.getTenant(tenant))?.active).toBe(true);
  });

  it('a revoked refresh token deactivates the org and dead-letters its queue with the reason; a reinstall reactivates it', async () => {
    const { refreshToken } = openSalesforceCredentials(credentialsSealer(secretKey), rawTenantRow().credentials) ?? { refreshToken: '' };
    // POST /services/oauth2/revoke: an admin revoking Accord in Setup; its sessions end with it.
    const revoked = await fetch(`${sandbox.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: refreshToken }) });
    expect(revoked.status).toBe(200);
    const leadId = (await accord.store.listCurrentDecisions(tenant))[0]?.recordId as string;
    const now = new Date().toISOString();
    await accord.store.enqueueEvents([{ ...tenant, recordId: leadId, kind: 'changed', changedFields: [], occurredAt: now, dedupeKey: 'revoke-test-1', ownWrite: false }], now);

    await eventually(async () => ((await accord.store.getTenant(tenant))?.active === false ? true : undefined), 15_000, 'the org to be deactivated');
    const audit = await accord.store.listAudit(tenant, 50);
    expect(audit.find((e) => e.action === 'tenant.deactivated')?.detail.reason).toMatch(/revoked Accord's access \(refresh token refused/);
    await eventually(async () => ((await accord.store.inboxStats(new Date().toISOString())).pending === 0 ? true : undefined), 10_000, 'the inbox to drain');
    const dead = (await accord.store.listDeadLetters(tenant)).find((d) => d.event.dedupeKey === 'revoke-test-1');
    expect(dead?.reason).toMatch(/revoked Accord's access/);
    // The panel's API says so; decisions and definitions stay, and installing again brings the org back.
    const panel = await owners(first.apiKey);
    expect(panel.status).toBe(403);
    expect(await panel.json()).toMatchObject({ error: 'not_installed' });
    expect((await accord.store.getPublishedDefinition(tenant))?.version).toBe(1);
    const back = await install();
    expect(back.status).toBe(200);
    expect((await accord.store.getTenant(tenant))?.active).toBe(true);
    expect((await owners(back.apiKey)).status).toBe(200);
  });
});
