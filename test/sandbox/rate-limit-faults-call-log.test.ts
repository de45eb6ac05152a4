import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { call, sdkClient, startTestSandbox, testToken } from './support/test-sandbox';

describe('ten-secondly rate limit', () => {
  let sandbox: Sandbox;
  afterEach(() => sandbox.close());

  it('answers 429 with Retry-After and the TEN_SECONDLY_ROLLING body once the window is full, then recovers', async () => {
    sandbox = await startTestSandbox({ rateLimit: { requests: 5, windowMs: 1_000 } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call(sandbox, 'GET', '/crm/v3/owners'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-hubspot-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0', '0']);
    expect(answers[0]?.headers.get('x-hubspot-ratelimit-max')).toBe('5');
    const refused = answers[5];
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(refused?.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(sandbox.callLog.count('GET /crm/v3/owners', 429)).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await call(sandbox, 'GET', '/crm/v3/owners')).status).toBe(200);
  });

  it('counts per access token, and the SDK sees the 429 as an error with code 429', async () => {
    sandbox = await startTestSandbox({ rateLimit: { requests: 2, windowMs: 10_000 } });
    const client = sdkClient(sandbox);
    await client.crm.owners.ownersApi.getPage();
    await client.crm.owners.ownersApi.getPage();
    await expect(client.crm.owners.ownersApi.getPage()).rejects.toMatchObject({ code: 429 });
    const token = sandbox.state.hubspot.oauth.exchange({
      grant_type: 'authorization_code',
      code: sandbox.state.hubspot.oauth.authorize({ clientId: 'c', redirectUri: 'http://127.0.0.1:1/cb', scopes: [] }),
      redirect_uri: 'http://127.0.0.1:1/cb',
      client_id: 'c',
      client_secret: 'test-client-secret',
    }).access_token;
    expect((await call(sandbox, 'GET', '/crm/v3/owners', undefined, token)).status).toBe(200);
    sandbox.resetRateLimits();
    expect((await call(sandbox, 'GET', '/crm/v3/owners', undefined, testToken)).status).toBe(200);
  });

  it("defaults to HubSpot's 110 requests per 10 seconds: the 111th is refused", async () => {
    sandbox = await startTestSandbox({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 111; i++) statuses.push((await call(sandbox, 'GET', '/crm/v3/owners')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(110);
    expect(statuses[110]).toBe(429);
    const last = await call(sandbox, 'GET', '/crm/v3/owners');
    expect(last.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(last.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
  });
});

describe('fault injection', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(() => sandbox.close());

  it('injects a counted 429 with Retry-After through the control endpoint, then answers normally', async () => {
    const injected = await call(sandbox, 'POST', '/_sandbox/faults', { mode: 'rate_limit', count: 2, retryAfterSeconds: 7 }, null);
    expect(injected.status).toBe(201);
    const first = await call(sandbox, 'GET', '/crm/v3/objects/contacts');
    const second = await call(sandbox, 'GET', '/crm/v3/owners');
    const third = await call(sandbox, 'GET', '/crm/v3/owners');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body).toEqual(expect.objectContaining({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' }));
  });

  it('injects 503s on chosen paths only, until cleared with mode none', async () => {
    sandbox.faults.inject({ mode: 'server_error', status: 503, paths: ['/crm/v3/objects/contacts/batch/update'] });
    const client = sdkClient(sandbox);
    await expect(client.crm.contacts.batchApi.update({ inputs: [] })).rejects.toMatchObject({ code: 503 });
    await expect(client.crm.contacts.batchApi.update({ inputs: [] })).rejects.toMatchObject({ code: 503 });
    expect((await call(sandbox, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    expect((await call(sandbox, 'POST', '/_sandbox/faults', { mode: 'none' }, null)).status).toBe(200);
    expect((await client.crm.contacts.batchApi.update({ inputs: [] })).results).toEqual([]);
  });

  it('adds latency, and stops after durationMs', async () => {
    sandbox.faults.inject({ mode: 'latency', latencyMs: 150, durationMs: 400 });
    const started = Date.now();
    expect((await call(sandbox, 'GET', '/crm/v3/owners')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = Date.now();
    await call(sandbox, 'GET', '/crm/v3/owners');
    expect(Date.now() - later).toBeLessThan(140);
    expect(sandbox.faults.active()).toEqual([]);
  });

  it('hangs on a timeout fault until the client gives up, and logs it as no_response', async () => {
    sandbox.faults.inject({ mode: 'timeout', count: 1 });
    await expect(fetch(`${sandbox.url}/crm/v3/owners`, { headers: { Authorization: `Bearer ${testToken}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await call(sandbox, 'GET', '/crm/v3/owners')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sandbox.callLog.snapshot().endpoints['GET /crm/v3/owners']?.statuses).toEqual({ no_response: 1, '200': 1 });
  });

  it('refuses an unknown fault mode', async () => {
    const refused = await call(sandbox, 'POST', '/_sandbox/faults', { mode: 'chaos' }, null);
    expect(refused.status).toBe(400);
  });
});

describe('call log', () => {
  it('counts calls per method and route pattern with their statuses, and resets', async () => {
    const sandbox = await startTestSandbox();
    try {
      const client = sdkClient(sandbox);
      const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'c@x.example' }, associations: [] });
      await client.crm.contacts.basicApi.getById(id);
      await client.crm.contacts.basicApi.getById(id);
      await client.crm.contacts.basicApi.getById('777').catch(() => undefined);
      await client.crm.contacts.batchApi.update({ inputs: [{ id, properties: { jobtitle: 'CTO' } }] });
      await call(sandbox, 'GET', '/crm/v3/owners', undefined, 'bad-token');

      const calls = await call(sandbox, 'GET', '/_sandbox/calls', undefined, null);
      expect(calls.body).toEqual({
        total: 6,
        endpoints: {
          'GET /crm/v3/objects/contacts/:contactId': { count: 3, statuses: { '200': 2, '404': 1 } },
          'GET /crm/v3/owners': { count: 1, statuses: { '401': 1 } },
          'POST /crm/v3/objects/contacts': { count: 1, statuses: { '201': 1 } },
          'POST /crm/v3/objects/contacts/batch/update': { count: 1, statuses: { '200': 1 } },
        },
      });
      expect(sandbox.callLog.count('POST /crm/v3/objects/contacts/batch/update')).toBe(1);

      expect((await call(sandbox, 'POST', '/_sandbox/calls/reset', undefined, null)).status).toBe(204);
      expect(sandbox.callLog.snapshot()).toEqual({ total: 0, endpoints: {} });
    } finally {
      await sandbox.close();
    }
  });

  it('reports health and webhook stats on control endpoints', async () => {
    const sandbox = await startTestSandbox({ seed: { contacts: 5 } });
    try {
      const health = await call(sandbox, 'GET', '/_sandbox/health', undefined, null);
      expect(health.body).toEqual(expect.objectContaining({ status: 'ok', contacts: 5, owners: 41, portalId: 62515 }));
      const stats = await call(sandbox, 'GET', '/_sandbox/webhooks', undefined, null);
      expect(stats.body).toEqual(expect.objectContaining({ sent: 0, failed: 0, retried: 0, pending: 0, url: null }));
      const set = await call(sandbox, 'PUT', '/_sandbox/webhooks', { url: 'http://127.0.0.1:9/hooks' }, null);
      expect(set.body).toEqual(expect.objectContaining({ url: 'http://127.0.0.1:9/hooks' }));
    } finally {
      await sandbox.close();
    }
  });
});
