import { createHmac } from 'node:crypto';
import type { InboundRequest } from '../../../src/core/crm-adapter';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';

const clientSecret = 'a1b2c3d4-0000-4000-8000-feedfacecafe';
const adapter = createHubspotAdapter({ clientSecret, appId: '54321' });
const body = Buffer.from('[{"eventId":1,"subscriptionId":2,"portalId":62515,"appId":54321,"occurredAt":1730822400000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":1001}]');
const sentAt = 1_730_822_400_000;
// As HubSpot calls it: %3A and %2F escaped in the query string; %20 is not in HubSpot's decode list and stays.
const calledUrl = 'https://accord.example.com/webhooks/hubspot?portal=62515&next=https%3A%2F%2Fapp.example%2Fdone&note=a%20b';
// What HubSpot signs: the same URI with its listed escapes decoded.
const signedUrl = 'https://accord.example.com/webhooks/hubspot?portal=62515&next=https://app.example/done&note=a%20b';

function v3Signature(secret: string, signedBody: Buffer, timestamp: number): string {
  return createHmac('sha256', secret).update(`POST${signedUrl}${signedBody.toString('utf8')}${timestamp}`).digest('base64');
}

function request(overrides: Partial<InboundRequest> = {}, headers?: InboundRequest['headers']): InboundRequest {
  return {
    method: 'POST',
    url: calledUrl,
    headers: headers ?? {
      'X-HubSpot-Signature-v3': v3Signature(clientSecret, body, sentAt),
      'X-HubSpot-Request-Timestamp': String(sentAt),
    },
    rawBody: body,
    params: {},
    now: sentAt + 1_000,
    ...overrides,
  };
}

describe('HubSpot adapter verify (signature v3)', () => {
  it('accepts a correctly signed request whose URL carries escaped characters', () => {
    expect(adapter.verify(request())).toEqual({ ok: true });
  });

  it('reads the headers whatever their case, and the first of repeated values', () => {
    const signature = v3Signature(clientSecret, body, sentAt);
    expect(adapter.verify(request({}, { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(sentAt) }))).toEqual({ ok: true });
    expect(adapter.verify(request({}, { 'X-HUBSPOT-SIGNATURE-V3': [signature, 'other'], 'X-HubSpot-Request-Timestamp': [String(sentAt)] }))).toEqual({
      ok: true,
    });
  });

  it('accepts a request exactly 5 minutes old and refuses one a millisecond older', () => {
    expect(adapter.verify(request({ now: sentAt + 5 * 60 * 1000 }))).toEqual({ ok: true });
    expect(adapter.verify(request({ now: sentAt + 5 * 60 * 1000 + 1 }))).toEqual({
      ok: false,
      status: 401,
      message: 'request timestamp is older than 5 minutes',
    });
  });

  it('refuses a timestamp from the future', () => {
    expect(adapter.verify(request({ now: sentAt - 5 * 60 * 1000 - 1 }))).toMatchObject({ ok: false, status: 401, message: 'request timestamp is in the future' });
  });

  it('refuses a signature made with another secret', () => {
    const headers = { 'X-HubSpot-Signature-v3': v3Signature('not-the-secret', body, sentAt), 'X-HubSpot-Request-Timestamp': String(sentAt) };
    expect(adapter.verify(request({}, headers))).toMatchObject({ ok: false, status: 401, message: 'signature does not match' });
  });

  it('refuses a tampered body and a changed timestamp', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('"objectId":1001', '"objectId":1002'));
    expect(adapter.verify(request({ rawBody: tampered }))).toMatchObject({ ok: false, status: 401, message: 'signature does not match' });
    const headers = { 'X-HubSpot-Signature-v3': v3Signature(clientSecret, body, sentAt), 'X-HubSpot-Request-Timestamp': String(sentAt + 1) };
    expect(adapter.verify(request({}, headers))).toMatchObject({ ok: false, message: 'signature does not match' });
  });

  it('refuses a request signed for another URL', () => {
    expect(adapter.verify(request({ url: calledUrl.replace('portal=62515', 'portal=1') }))).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses v1-signed requests: only v3 carries a timestamp', () => {
    const v1 = { 'X-HubSpot-Signature': 'f'.repeat(64), 'X-HubSpot-Signature-Version': 'v1' };
    expect(adapter.verify(request({}, v1))).toEqual({ ok: false, status: 401, message: 'missing X-HubSpot-Signature-v3 header' });
    const noTimestamp = { 'X-HubSpot-Signature-v3': v3Signature(clientSecret, body, sentAt) };
    expect(adapter.verify(request({}, noTimestamp))).toEqual({ ok: false, status: 401, message: 'missing X-HubSpot-Request-Timestamp header' });
  });
});
