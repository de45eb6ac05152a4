import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { credentialsSealer } from '../../src/config/credentials-sealer';
import { loadConfig } from '../../src/config/load-config';
import { installCheckJob } from '../../src/jobs/install-check-job';
import { startAccord, type RunningAccord } from '../../src/main';
import { openHubspotCredentials } from '../../src/server/oauth/hubspot-oauth-credentials';
import { openSalesforceCredentials } from '../../src/server/oauth/salesforce-oauth-credentials';

const secretKey = 'install-check-test-secret-key-with-32-plus-characters';
const hubspot = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
const salesforce = { crm: 'salesforce' as const, tenantId: toSalesforceId18(sandboxDefaults.salesforce.orgId) as string };

describe('install check: uninstalls found without traffic, for OAuth HubSpot portals and Salesforce orgs', () => {
  let sandbox: Sandbox;
  let accord: RunningAccord;
  let dir: string;
  const sealer = credentialsSealer(secretKey);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-install-check-'));
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
      SALESFORCE_OAUTH_INSTALL: 'true',
      SALESFORCE_LOGIN_URL: sandbox.url,
      SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
      SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
    });
    accord = await startAccord({ config, logger: pino({ level: 'silent' }), jobs: false });
    for (const crm of ['hubspot', 'salesforce']) {
      const install = await fetch(`${accord.url}/oauth/${crm}/install`, { redirect: 'manual' });
      const consented = await fetch(install.headers.get('location') ?? '', { redirect: 'manual' });
      const callback = await fetch(consented.headers.get('location') ?? '', { redirect: 'manual' });
      expect(callback.status).toBe(200);
    }
  });
  afterAll(async () => {
    await accord.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const credentialsOf = async (ref: typeof hubspot | typeof salesforce) => (await accord.store.getTenant(ref))?.credentials ?? '';

  it('is an hourly job with a lease name of its own', () => {
    const job = installCheckJob({ store: accord.store, logger: pino({ level: 'silent' }), checks: {} });
    expect(job).toMatchObject({ name: 'install-check', cron: '41 * * * *' });
  });

  it('leaves standing grants alone', async () => {
    const result = await accord.checkInstalls();
    expect(result).toEqual({ checked: 2, revoked: [], unknown: 0 });
    expect((await accord.store.getTenant(hubspot))?.active).toBe(true);
    expect((await accord.store.getTenant(salesforce))?.active).toBe(true);
  });

  it('deactivates the portal whose refresh token HubSpot forgot (uninstall), draining its queue with the reason', async () => {
    const { refreshToken } = openHubspotCredentials(sealer, await credentialsOf(hubspot)) ?? { refreshToken: '' };
    // DELETE /oauth/v1/refresh-tokens/{token}: what HubSpot does when the portal uninstalls the app.
    expect((await fetch(`${sandbox.url}/oauth/v1/refresh-tokens/${refreshToken}`, { method: 'DELETE' })).status).toBe(204);
    // A queued event that no worker has reached yet: the worker is idle for this portal (no traffic).
    await accord.worker.stop();
    const now = new Date().toISOString();
    await accord.store.enqueueEvents([{ ...hubspot, recordId: '1', kind: 'changed', changedFields: [], occurredAt: now, dedupeKey: 'install-check-1', ownWrite: false }], now);

    const result = await accord.checkInstalls();
    expect(result.revoked).toEqual([hubspot]);
    expect((await accord.store.getTenant(hubspot))?.active).toBe(false);
    expect((await accord.store.getTenant(salesforce))?.active).toBe(true);
    const dead = (await accord.store.listDeadLetters(hubspot)).find((d) => d.event.dedupeKey === 'install-check-1');
    expect(dead?.reason).toMatch(/uninstalled Accord/);
    // Checked once more: an inactive tenant is not asked about again.
    expect(await accord.checkInstalls()).toEqual({ checked: 1, revoked: [], unknown: 0 });
  });

  it('deactivates the org whose refresh token was revoked', async () => {
    const { refreshToken } = openSalesforceCredentials(sealer, await credentialsOf(salesforce)) ?? { refreshToken: '' };
    const revoked = await fetch(`${sandbox.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: refreshToken }) });
    expect(revoked.status).toBe(200);
    const result = await accord.checkInstalls();
    expect(result.revoked).toEqual([salesforce]);
    expect((await accord.store.getTenant(salesforce))?.active).toBe(false);
    const audit = await accord.store.listAudit(salesforce, 20);
    expect(audit.find((e) => e.action === 'tenant.deactivated')?.detail.reason).toMatch(/revoked Accord's access/);
  });
});
