import { Client } from '@hubspot/api-client';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { call, sdkClient, startTestSandbox, testPortalId, testSecret } from './support/test-sandbox';

async function failure(promise: Promise<unknown>): Promise<{ code: number; body: { message: string; category?: string; status?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; body: { message: string; category?: string } };
  }
  throw new Error('expected the call to fail');
}

describe('owners, properties, account and OAuth through @hubspot/api-client', () => {
  let sandbox: Sandbox;
  let client: Client;

  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: { contacts: 0 } });
    client = sdkClient(sandbox);
  });
  afterEach(() => sandbox.close());

  it('pages the 41 seeded owners with limit/after and returns HubSpot owner fields', async () => {
    const first = await client.crm.owners.ownersApi.getPage(undefined, undefined, 20);
    expect(first.results).toHaveLength(20);
    const owner = first.results[0];
    expect(owner).toEqual(
      expect.objectContaining({
        id: '1000001',
        email: 'anna.snelling@sandbox-hardware.example',
        firstName: 'Anna',
        lastName: 'Snelling',
        userId: 7000001,
        archived: false,
        teams: [expect.objectContaining({ name: 'Central', primary: true })],
      }),
    );
    expect(owner?.createdAt).toBeInstanceOf(Date);
    const ids = new Set(first.results.map((o) => o.id));
    let after = first.paging?.next?.after;
    while (after) {
      const page = await client.crm.owners.ownersApi.getPage(undefined, after, 20);
      page.results.forEach((o) => ids.add(o.id));
      after = page.paging?.next?.after;
    }
    expect(ids.size).toBe(41);
  });

  it('filters owners by email and archived, and reads one by id or userId', async () => {
    const byEmail = await client.crm.owners.ownersApi.getPage('carl.lin@sandbox-hardware.example');
    expect(byEmail.results.map((o) => o.lastName)).toEqual(['Lin']);
    sandbox.state.hubspot.owners.archive('1000002');
    const active = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false);
    expect(active.results.map((o) => o.id)).not.toContain('1000002');
    const archived = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, true);
    expect(archived.results.map((o) => o.id)).toEqual(['1000002']);
    expect((await client.crm.owners.ownersApi.getById(1000003)).lastName).toBe('Hillebrand');
    expect((await client.crm.owners.ownersApi.getById(7000003, 'userId')).id).toBe('1000003');
    expect((await failure(client.crm.owners.ownersApi.getById(1000002))).code).toBe(404);
  });

  it('lists HubSpot standard contact properties with their options, and 404s unknown ones', async () => {
    const all = await client.crm.properties.coreApi.getAll('contacts');
    const names = all.results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['email', 'numemployees', 'hs_lead_status', 'lifecyclestage', 'hubspot_owner_id', 'hs_object_id']));
    expect(names.some((name) => name.startsWith('accord_'))).toBe(false);
    const employees = await client.crm.properties.coreApi.getByName('contacts', 'numemployees');
    expect(employees.options.map((o) => o.value)).toEqual(['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+']);
    expect(employees.options.every((o) => o.hidden === false)).toBe(true);
    expect((await failure(client.crm.properties.coreApi.getByName('contacts', 'accord_score'))).code).toBe(404);
  });

  it("creates a property group and an enumeration property, then answers 409 for the same name", async () => {
    await client.crm.properties.groupsApi.create('contacts', { name: 'accord', label: 'Accord' });
    const spec = {
      name: 'accord_stage',
      label: 'Accord stage',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'accord',
      options: [
        { label: 'Nurture', value: 'nurture', hidden: false, displayOrder: 0 },
        { label: 'Sales ready', value: 'sales_ready', hidden: false, displayOrder: 1 },
      ],
    } as Parameters<typeof client.crm.properties.coreApi.create>[1];
    const created = await client.crm.properties.coreApi.create('contacts', spec);
    expect(created).toEqual(expect.objectContaining({ name: 'accord_stage', groupName: 'accord', hubspotDefined: false }));
    const conflict = await failure(client.crm.properties.coreApi.create('contacts', spec));
    expect(conflict.code).toBe(409);
    expect(conflict.body.message).toContain('accord_stage');
    // Once it exists, contacts take its values (and only those).
    await client.crm.contacts.basicApi.create({ properties: { accord_stage: 'sales_ready' }, associations: [] });
    expect((await failure(client.crm.contacts.basicApi.create({ properties: { accord_stage: 'hot' }, associations: [] }))).code).toBe(400);
    expect((await client.crm.properties.groupsApi.getAll('contacts')).results.map((g) => g.name)).toContain('accord');
  });

  it('updates and archives custom properties, but not HubSpot-defined ones', async () => {
    await client.crm.properties.groupsApi.create('contacts', { name: 'accord', label: 'Accord' });
    await client.crm.properties.coreApi.create('contacts', { name: 'accord_note', label: 'Note', type: 'string', fieldType: 'text', groupName: 'accord' } as Parameters<typeof client.crm.properties.coreApi.create>[1]);
    const relabelled = await client.crm.properties.coreApi.update('contacts', 'accord_note', { label: 'Accord note' });
    expect(relabelled.label).toBe('Accord note');
    expect(relabelled.type).toBe('string');
    await client.crm.properties.coreApi.archive('contacts', 'accord_note');
    expect((await failure(client.crm.properties.coreApi.getByName('contacts', 'accord_note'))).code).toBe(404);
    expect((await client.crm.properties.coreApi.getByName('contacts', 'accord_note', true)).archived).toBe(true);
    expect((await failure(client.crm.contacts.basicApi.create({ properties: { accord_note: 'x' }, associations: [] }))).code).toBe(400);
    expect((await failure(client.crm.properties.coreApi.archive('contacts', 'email'))).code).toBe(400);
  });

  it('refuses a property in a group that does not exist', async () => {
    const refused = await failure(
      client.crm.properties.coreApi.create('contacts', { name: 'accord_score', label: 'Score', type: 'number', fieldType: 'number', groupName: 'nope' } as Parameters<typeof client.crm.properties.coreApi.create>[1]),
    );
    expect(refused.code).toBe(400);
  });

  it('can start with Accord properties preinstalled', async () => {
    const installed = await startTestSandbox({ preinstallAccordProperties: true });
    try {
      const stage = await sdkClient(installed).crm.properties.coreApi.getByName('contacts', 'accord_stage');
      expect(stage.options.map((o) => o.value)).toEqual(['disqualified', 'nurture', 'mql', 'sales_ready', 'sql']);
      const reason = await sdkClient(installed).crm.properties.coreApi.getByName('contacts', 'accord_rejection_reason');
      expect(reason.options).toHaveLength(10);
    } finally {
      await installed.close();
    }
  });

  it('describes the account at /account-info/v3/details', async () => {
    const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      expect.objectContaining({ portalId: Number(testPortalId), accountType: 'DEVELOPER_TEST', timeZone: 'US/Eastern', companyCurrency: 'USD', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }),
    );
  });

  it('runs the OAuth code flow: authorize redirect, code exchange, refresh, then the new token works', async () => {
    const redirectUri = 'http://127.0.0.1:1/oauth/callback';
    const authorize = await fetch(`${sandbox.url}/oauth/authorize?client_id=any-client&redirect_uri=${encodeURIComponent(redirectUri)}&scope=oauth&state=xyz`, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') ?? '';

    const tokens = await client.oauth.tokensApi.create('authorization_code', code, redirectUri, 'any-client', testSecret);
    expect(tokens).toEqual(expect.objectContaining({ tokenType: 'bearer', expiresIn: 1800, accessToken: expect.any(String), refreshToken: expect.any(String) }));
    const reused = await failure(client.oauth.tokensApi.create('authorization_code', code, redirectUri, 'any-client', testSecret));
    expect(reused.code).toBe(400);
    expect(reused.body.status).toBe('BAD_AUTH_CODE');

    const refreshed = await client.oauth.tokensApi.create('refresh_token', undefined, undefined, 'any-client', testSecret, tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const withNewToken = new Client({ accessToken: refreshed.accessToken, basePath: sandbox.url });
    expect((await withNewToken.crm.owners.ownersApi.getPage(undefined, undefined, 1)).results).toHaveLength(1);
    const info = await call(sandbox, 'GET', `/oauth/v1/access-tokens/${refreshed.accessToken}`, undefined, null);
    expect(info.body).toEqual(expect.objectContaining({ hub_id: Number(testPortalId), app_id: 424242, token_type: 'access' }));

    const wrongSecret = await failure(client.oauth.tokensApi.create('refresh_token', undefined, undefined, 'any-client', 'nope', tokens.refreshToken));
    expect(wrongSecret.body.status).toBe('BAD_CLIENT_SECRET');
  });

  it('expires issued access tokens after 30 minutes with 401 EXPIRED_AUTHENTICATION', async () => {
    let now = Date.UTC(2025, 5, 1);
    const timed = await startTestSandbox({ clock: () => now });
    try {
      const code = timed.state.hubspot.oauth.authorize({ clientId: 'c', redirectUri: 'http://127.0.0.1:1/cb', scopes: [] });
      const { access_token: token } = timed.state.hubspot.oauth.exchange({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://127.0.0.1:1/cb',
        client_id: 'c',
        client_secret: testSecret,
      });
      expect((await call(timed, 'GET', '/crm/v3/owners', undefined, token)).status).toBe(200);
      now += 31 * 60_000;
      const expired = await call(timed, 'GET', '/crm/v3/owners', undefined, token);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual(expect.objectContaining({ category: 'EXPIRED_AUTHENTICATION' }));
    } finally {
      await timed.close();
    }
  });
});
