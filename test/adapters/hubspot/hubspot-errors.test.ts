/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import { HubspotTokenRejectedError } from '../../../adapters/hubspot/hubspot-token-rejected-error';
import { translateHubspotError } from '../../../adapters/hubspot/translate-hubspot-error';
import { CrmRateLimitedError, CrmUnavailableError } from '../../../src/core/crm-adapter';
import { connection, hubspotHost, json, useNock } from './hubspot-nock';

useNock();

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321', timeoutMs: 100 });
const readPath = '/crm/v3/objects/contacts/batch/read';
const read = () => adapter.readLeads(connection, ['1001']);

// HubSpot's 429 body for the per-app 10-second limit.
const tenSecondly = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
  policyName: 'TEN_SECONDLY_ROLLING',
};

describe('HubSpot adapter error translation', () => {
  it('turns a 429 with Retry-After into CrmRateLimitedError waiting that long', async () => {
    nock(hubspotHost).post(readPath).query(true).reply(429, tenSecondly, { ...json, 'Retry-After': '3' });
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmRateLimitedError);
    expect((error as CrmRateLimitedError).retryAfterMs).toBe(3_000);
    expect((error as Error).message).toContain('429');
  });

  it('waits 10 s on the ten-secondly limit and an hour on the daily one when no Retry-After is sent', async () => {
    nock(hubspotHost).post(readPath).query(true).reply(429, tenSecondly, json);
    nock(hubspotHost)
      .post(readPath)
      .query(true)
      .reply(429, { ...tenSecondly, message: 'You have reached your daily limit.', policyName: 'DAILY' }, json);
    await expect(read()).rejects.toMatchObject({ name: 'CrmRateLimitedError', retryAfterMs: 10_000 });
    await expect(read()).rejects.toMatchObject({ name: 'CrmRateLimitedError', retryAfterMs: 3_600_000 });
  });

  it('does not retry on its own: one 429 is one request', async () => {
    const scope = nock(hubspotHost).post(readPath).query(true).reply(429, tenSecondly, json);
    await expect(read()).rejects.toBeInstanceOf(CrmRateLimitedError);
    expect(scope.isDone()).toBe(true);
  });

  it('turns a 502 into CrmUnavailableError with its status', async () => {
    nock(hubspotHost).post(readPath).query(true).reply(502, '<html><body>502 Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
    await expect(read()).rejects.toMatchObject({ name: 'CrmUnavailableError', status: 502 });
  });

  it('turns a 503 with a JSON body into CrmUnavailableError', async () => {
    nock(hubspotHost).post(readPath).query(true).reply(503, { status: 'error', message: 'Service unavailable', category: 'INTERNAL_ERROR' }, json);
    await expect(read()).rejects.toMatchObject({ name: 'CrmUnavailableError', status: 503, message: expect.stringContaining('Service unavailable') });
  });

  it('treats a bodiless gateway failure (the SDK loses its status) as unavailable', async () => {
    nock(hubspotHost).post(readPath).query(true).reply(502);
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmUnavailableError);
    expect((error as CrmUnavailableError).status).toBeNull();
  });

  // Connection failures are not provoked on real sockets here: nock's socket wrapper re-emits the kernel's
  // ECONNREFUSED / ECONNRESET as an unhandled 'error' event now and then, which kills the test process.
  // These are the errors Node raises for them.
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' })],
    ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })],
  ])('turns a %s connection into CrmUnavailableError', (_kind, networkError) => {
    const translated = translateHubspotError(networkError, 'read contacts');
    expect(translated).toBeInstanceOf(CrmUnavailableError);
    expect(translated.message).toContain(networkError.code);
  });

  it('gives up after timeoutMs with CrmUnavailableError', async () => {
    nock(hubspotHost).post(readPath).query(true).delay(2_000).reply(200, { status: 'COMPLETE', results: [] }, json);
    const started = Date.now();
    await expect(read()).rejects.toMatchObject({ name: 'CrmUnavailableError', message: expect.stringContaining('within 100 ms') });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('turns a 401 into a clear token error', async () => {
    nock(hubspotHost)
      .post(readPath)
      .query(true)
      .reply(401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }, json);
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubspotTokenRejectedError);
    expect((error as Error).message).toMatch(/access token .*invalid, expired or revoked/);
  });

  it('translates errors of every call alike (owners here)', async () => {
    nock(hubspotHost).get('/crm/v3/owners/').query(true).reply(429, tenSecondly, { ...json, 'Retry-After': '1' });
    await expect(adapter.listOwners(connection)).rejects.toMatchObject({ name: 'CrmRateLimitedError', retryAfterMs: 1_000 });
  });
});
