import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { credentialsSealer } from '../../src/config/credentials-sealer';
import { loadConfig } from '../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../src/main';
import { systemClock, type Clock } from '../../src/pipeline/clock';
import { openHubspotCredentials } from '../../src/server/oauth/hubspot-oauth-credentials';
import { eventually } from '../e2e/start-e2e-stack';
import { hubspotFetch } from './signed-api';

const secretKey = 'oauth-test-secret-key-with-at-least-32-characters';
const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };

describe('HubSpot marketplace install: OAuth against the sandbox, tokens sealed, tenant ready', () => {
  let sandbox: Sandbox;
  let accord: RunningAccord;
  let dir: string;
  let offsetMs = 0;
  const clock: Clock = { now: () => Date.now() + offsetMs, sleep: systemClock.sleep };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-oauth-'));
    sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 }, webhookBatchMs: 10, retryBaseMs: 20 });
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'accord.db')}`,
      WORKER_POLL_MS: '20',
      ACCORD_SECRET_KEY: secretKey,
      HUBSPOT_CLIENT_ID: 'accord-public-app',
      HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
      HUBSPOT_APP_ID: sandboxDefaults.appId,
      HUBSPOT_BASE_PATH: sandbox.url,
      HUBSPOT_AUTHORIZE_URL: `${sandbox.url}/oauth/authorize`,
    });
    accord = await startAccord({ config, logger: pino({ level: 'silent' }), clock, jobs: false });
    sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
  });
  afterAll(async () => {
    await accord.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => fetch(url, { redirect: 'manual' });

  /** The admin clicks "install", consents on HubSpot's screen, and lands on Accord's callback. */
  async function consent(): Promise<string> {
    const install = await get(`${accord.url}/oauth/hubspot/install`);
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sandbox.url}/oauth/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe('accord-public-app');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${accord.url}/oauth/hubspot/callback`);
    expect(authorize.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['crm.objects.contacts.write', 'crm.schemas.contacts.write']));
    const consented = await get(authorize.toString());
    expect(consented.status).toBe(302);
    return consented.headers.get('location') ?? '';
  }

  function rawTenantRow(): { credentials: string; installed_at: string; updated_at: string; active: number } {
    const db = new Database(join(dir, 'accord.db'), { readonly: true });
    try {
      return db.prepare('SELECT credentials, installed_at, updated_at, active FROM tenants WHERE crm = ? AND tenant_id = ?').get('hubspot', tenant.tenantId) as never;
    } finally {
      db.close();
    }
  }

  it('installs: tokens sealed at rest, properties created, default definition published, owners synced', async () => {
    const callback = await consent();
    const answer = await get(callback);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Accord is installed');

    const row = rawTenantRow();
    expect(row.credentials).toMatch(/^v1:gcm:/);
    const credentials = openHubspotCredentials(credentialsSealer(secretKey), row.credentials);
    expect(credentials?.accessToken).toMatch(/^CN/);
    expect(row.credentials).not.toContain(credentials?.accessToken);
    expect(row.credentials).not.toContain(credentials?.refreshToken);
    expect(credentials?.expiresAt).toBeGreaterThan(Date.now() + 29 * 60_000);

    expect(sandbox.state.hubspot.properties.find('accord_score')).toBeDefined();
    expect(sandbox.state.hubspot.properties.find('accord_rejection_reason')).toBeDefined();
    expect((await accord.store.getPublishedDefinition(tenant))?.version).toBe(1);
    expect((await accord.store.listOwners(tenant)).length).toBeGreaterThan(0);

    // A replayed callback (same state) and a forged state are refused.
    expect((await get(callback)).status).toBe(400);
    const forged = new URL(callback);
    forged.searchParams.set('state', `${forged.searchParams.get('state')?.split('.')[0]}.forged`);
    expect((await get(forged.toString())).status).toBe(400);
  });

  it('decides leads with the installed tokens, and the card API serves the portal', async () => {
    const id = (await (await fetch(`${sandbox.url}/_sandbox/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'FORM', properties: { email: 'kim@betasoloin.com', jobtitle: 'VP of Sales', numemployees: '100-500', country: 'United States', state: 'CA' } }),
    })).json()) as { id: string };
    await eventually(async () => ((await accord.store.getLatestDecision(tenant, id.id)) ? true : undefined), 10_000, 'the lead to be decided');
    const card = await hubspotFetch(accord.url, 'GET', `/records/${id.id}`);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ decision: { definitionVersion: 1 } });
  });

  it('a second install updates the same tenant with new tokens', async () => {
    const before = rawTenantRow();
    expect((await get(await consent())).status).toBe(200);
    const after = rawTenantRow();
    expect((await accord.store.listTenants('hubspot')).map((t) => t.tenantId)).toEqual([tenant.tenantId]);
    expect(after.installed_at).toBe(before.installed_at);
    expect(after.credentials).not.toBe(before.credentials);
    expect((await accord.store.listDefinitions(tenant)).filter((d) => d.status === 'published')).toHaveLength(1);
  });

  it('a revoked token (uninstall) marks the tenant inactive and dead-letters its queue', async () => {
    const { refreshToken } = openHubspotCredentials(credentialsSealer(secretKey), rawTenantRow().credentials) ?? { refreshToken: '' };
    // DELETE /oauth/v1/refresh-tokens/{token}: what HubSpot does when the portal uninstalls the app.
    expect((await fetch(`${sandbox.url}/oauth/v1/refresh-tokens/${refreshToken}`, { method: 'DELETE' })).status).toBe(204);
    // 25 minutes on: the access token is due for refresh, and the refresh is refused.
    offsetMs = 25 * 60_000;
    await accord.store.enqueueEvents(
      [{ ...tenant, recordId: '1', kind: 'changed', changedFields: [], occurredAt: new Date(clock.now()).toISOString(), dedupeKey: 'uninstall-test-1', ownWrite: false }],
      new Date(clock.now()).toISOString(),
    );
    await eventually(async () => ((await accord.store.getTenant(tenant))?.active === false ? true : undefined), 10_000, 'the tenant to be deactivated');
    const audit = await accord.store.listAudit(tenant, 20);
    expect(audit.find((e) => e.action === 'tenant.deactivated')?.detail.reason).toMatch(/revoked/);
    await eventually(async () => ((await accord.store.inboxStats(new Date(clock.now()).toISOString())).pending === 0 ? true : undefined), 10_000, 'the inbox to drain');
    expect((await accord.store.listDeadLetters(tenant)).map((d) => d.event.dedupeKey)).toContain('uninstall-test-1');
    // Decisions and definitions stay; the card says the portal is not installed.
    expect((await accord.store.getPublishedDefinition(tenant))?.version).toBe(1);
    const card = await hubspotFetch(accord.url, 'GET', '/records/1', undefined, { timestamp: String(clock.now()) });
    expect(card.body.error).toBe('not_installed');
  });
});
