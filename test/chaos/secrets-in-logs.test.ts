import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { credentialsSealer } from '../../src/config/credentials-sealer';
import type { TenantRef } from '../../src/core/lead';
import { createLogger } from '../../src/logging/create-logger';
import { apiKeyHash, issueApiKey } from '../../src/server/crm-api/api-key';
import { openHubspotCredentials } from '../../src/server/oauth/hubspot-oauth-credentials';
import { chaosSecretKey, hubspotTenant, startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';

/** Everything pino writes, kept in memory. */
function memoryStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const people: Array<Record<string, string>> = [
  { email: 'riley.secret@betasoloin.com', firstname: 'Riley', lastname: 'Quist', phone: '+1 415 555 0142', jobtitle: 'VP of Sales', company: 'Betasoloin', country: 'United States', state: 'CA' },
  { email: 'jo.hidden@gmail.com', firstname: 'Jo', lastname: 'Varga', phone: '+49 30 5550177', jobtitle: 'Student', company: 'Uni', country: 'Germany' },
];
const salesforcePerson = { FirstName: 'Avery', LastName: 'Nakamura', Email: 'avery.private@acme-industries.com', Phone: '+44 20 5550 1234', Company: 'Acme Industries', Title: 'CTO', Country: 'United Kingdom' };

/** Secrets known before the run; the run adds the ones issued on the way (OAuth tokens, sessions, API keys). */
const configuredSecrets = [
  sandboxDefaults.accessToken,
  sandboxDefaults.clientSecret,
  sandboxDefaults.salesforce.clientSecret,
  sandboxDefaults.salesforce.refreshToken,
  chaosSecretKey,
];
const personalData = [
  ...people.flatMap((p) => [p.email ?? '', p.phone ?? '', p.lastname ?? '']),
  salesforcePerson.Email,
  salesforcePerson.Phone,
  salesforcePerson.LastName,
  '5550142',
  '555 0142',
];
const sealer = credentialsSealer(chaosSecretKey);

describe('secrets and personal data', () => {
  let stack: ChaosStack;
  let salesforceTenant: TenantRef;
  const logs = memoryStream();
  /** Issued during the run: HubSpot OAuth tokens, every Salesforce session, the org's API key (and a forged one). */
  const issued: { hubspotOauth: string[]; salesforceSessions: string[]; apiKeys: string[] } = { hubspotOauth: [], salesforceSessions: [], apiKeys: [] };
  const allSecrets = () => [...configuredSecrets, ...Object.values(issued).flat()];

  const rawRows = (sql: string, ...params: unknown[]) => {
    const db = new Database(stack.databaseUrl.replace(/^file:/, ''), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  const rawCredentials = (ref: TenantRef) => String(rawRows('SELECT credentials FROM tenants WHERE crm = ? AND tenant_id = ?', ref.crm, ref.tenantId)[0]?.credentials ?? '');

  beforeAll(async () => {
    // HUBSPOT_CLIENT_ID turns on the marketplace install, so the portal's tokens come from OAuth and are stored.
    stack = await startChaosStack({ crms: ['hubspot', 'salesforce'], logger: createLogger('trace', logs.stream), env: { HUBSPOT_CLIENT_ID: 'accord-public-app' } });
    salesforceTenant = { crm: 'salesforce', tenantId: stack.sandbox.state.salesforce.orgId };
    // Every session the org hands out from here on (refreshes included) is a secret to look for.
    const sessions = stack.sandbox.state.salesforce.sessions;
    const issue = sessions.issue.bind(sessions);
    sessions.issue = (userId: string) => {
      const token = issue(userId);
      issued.salesforceSessions.push(token);
      return token;
    };
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function installHubspotByOauth(): Promise<void> {
    const install = await fetch(`${stack.accord.url}/oauth/hubspot/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    // The consent screen is HubSpot's; the sandbox plays it.
    const authorize = new URL(install.headers.get('location') ?? '');
    const consent = await fetch(`${stack.sandbox.url}${authorize.pathname}${authorize.search}`, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callback = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    expect(callback.status).toBe(200);
    const credentials = openHubspotCredentials(sealer, rawCredentials(hubspotTenant));
    expect(credentials).not.toBeNull();
    issued.hubspotOauth.push(credentials?.accessToken ?? 'missing', credentials?.refreshToken ?? 'missing');
  }

  it('never logs a token, session, API key, secret, email or phone number across installs, webhooks, the CRM API, the worker and errors', async () => {
    const { store } = stack.accord;
    await installHubspotByOauth();
    // The session Accord holds now, then a forced refresh: both are secrets.
    const stored = JSON.parse(sealer.open(rawCredentials(salesforceTenant)) ?? '{}') as { accessToken?: string };
    expect(stored.accessToken).toEqual(expect.any(String));
    issued.salesforceSessions.push(stored.accessToken ?? 'missing');
    await stack.control('POST', '/salesforce/sessions/expire', {});

    // The CRM fails for a while: the worker logs its retries.
    stack.sandbox.faults.inject({ mode: 'server_error', status: 503, count: 3, paths: ['/crm/v3/objects/contacts/batch/read'] });
    const ids: string[] = [];
    for (const person of people) ids.push(await stack.createLead(person));
    const leadId = ((await stack.control('POST', '/salesforce/leads', { fields: salesforcePerson })) as { Id: string }).Id;

    // Refused webhooks log their reasons.
    const url = `${stack.accord.url}/webhooks/hubspot`;
    const badBody = JSON.stringify([{ email: people[0]?.email, phone: people[0]?.phone }]);
    await fetch(url, { method: 'POST', headers: { 'x-hubspot-signature-v3': 'nope', 'x-hubspot-request-timestamp': String(Date.now()) }, body: badBody });
    const ts = String(Date.now());
    await fetch(url, { method: 'POST', headers: { 'x-hubspot-signature-v3': signHubspotV3(sandboxDefaults.clientSecret, 'POST', url, badBody, ts), 'x-hubspot-request-timestamp': ts }, body: badBody });
    await fetch(stack.accord.salesforceOutboundUrl ?? '', { method: 'POST', body: `<x>${salesforcePerson.Email}</x>` });

    await waitFor(async () => ((await Promise.all(ids.map((id) => store.getLatestDecision(hubspotTenant, id)))).every(Boolean) ? true : undefined), 20_000, 'HubSpot leads decided');
    await waitFor(async () => (stack.sandbox.state.salesforce.leads.find(leadId)?.Accord_Stage__c ? true : undefined), 20_000, 'the Salesforce lead decided');
    expect(issued.salesforceSessions.length).toBeGreaterThanOrEqual(2);

    // The Salesforce pages' API key: a call with it, and one with a well-formed key of nobody's.
    const apiKey = await issueApiKey(store, salesforceTenant, new Date().toISOString());
    const forged = `${apiKey.slice(0, -4)}AAAA`;
    issued.apiKeys.push(apiKey, forged);
    const headers = (key: string) => ({ authorization: `Bearer ${key}`, 'x-accord-org-id': salesforceTenant.tenantId, 'x-accord-user-id': toSalesforceId18('0055e000001RepA') ?? '' });
    expect((await fetch(`${stack.accord.url}/api/salesforce/definitions`, { headers: headers(apiKey) })).status).toBe(200);
    expect((await fetch(`${stack.accord.url}/api/salesforce/definitions`, { headers: headers(forged) })).status).toBe(401);

    const text = logs.text();
    expect(text).toMatch(/"msg"/);
    expect(text).toMatch(/webhook refused/);
    for (const secret of allSecrets()) expect({ secret: secret.slice(0, 6), logged: text.includes(secret) }).toEqual({ secret: secret.slice(0, 6), logged: false });
    for (const value of personalData) expect(text.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('keeps OAuth tokens, Salesforce sessions and API keys only as ciphertext or hashes in the store', async () => {
    expect(issued.hubspotOauth).toHaveLength(2);
    expect(issued.salesforceSessions.length).toBeGreaterThanOrEqual(2);
    const file = stack.databaseUrl.replace(/^file:/, '');
    // The raw database file, WAL included: no secret appears in any row, whatever table it is in.
    const raw = [file, `${file}-wal`].map((f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }).join('');
    expect(raw.length).toBeGreaterThan(0);
    for (const secret of allSecrets()) expect({ secret: secret.slice(0, 6), stored: raw.includes(secret) }).toEqual({ secret: secret.slice(0, 6), stored: false });

    // Both tenants' credentials are sealed, and open (with the key) to the tokens in use.
    for (const ref of [hubspotTenant, salesforceTenant]) expect(rawCredentials(ref)).toMatch(/^v1:gcm:/);
    const salesforce = JSON.parse(sealer.open(rawCredentials(salesforceTenant)) ?? '{}') as { accessToken?: string; refreshToken?: string };
    expect(issued.salesforceSessions).toContain(salesforce.accessToken);
    expect(salesforce.refreshToken).toBe(sandboxDefaults.salesforce.refreshToken);
    expect(openHubspotCredentials(sealer, rawCredentials(hubspotTenant))?.accessToken).toBe(issued.hubspotOauth[0]);

    // The API key is kept as its SHA-256 only.
    expect(rawRows('SELECT key_hash FROM api_keys WHERE crm = ? AND tenant_id = ?', salesforceTenant.crm, salesforceTenant.tenantId)).toEqual([{ key_hash: apiKeyHash(issued.apiKeys[0] ?? '') }]);
  });
});
