import { createHmac } from 'node:crypto';
import { Client } from '@hubspot/api-client';
import { checkHubspotV3, signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import type { SandboxOptions } from '../../scripts/sandbox/sandbox-options';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { startWebhookReceiver, type WebhookReceiver } from './support/start-webhook-receiver';
import { call, sdkClient, startTestSandbox, testAppId, testPortalId, testSecret } from './support/test-sandbox';
import { waitFor } from './support/wait-for';

describe('sandbox HubSpot webhooks', () => {
  let receiver: WebhookReceiver;
  let sandbox: Sandbox;
  let client: Client;

  async function start(options: Partial<SandboxOptions> = {}) {
    sandbox = await startTestSandbox({ webhookUrl: receiver.url, webhookBatchMs: 20, retryBaseMs: 20, ...options });
    client = sdkClient(sandbox);
  }

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await sandbox?.close();
    await receiver.close();
  });

  it('sends creation and per-property events for an API create, signed with v3, as the app (INTEGRATION)', async () => {
    await start();
    const created = await client.crm.contacts.basicApi.create({ properties: { email: 'w@x.example', firstname: 'Wendy' }, associations: [] });
    await sandbox.webhooks.idle();

    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    expect(delivery?.contentType).toMatch(/^application\/json/);
    expect(delivery?.signatureVersion).toBe('v3');
    const timestamp = delivery?.timestamp ?? '';
    const expected = signHubspotV3(testSecret, 'POST', receiver.url, delivery?.rawBody ?? '', timestamp);
    expect(delivery?.signature).toBe(expected);
    // Independently of the helper: base64 HMAC-SHA256 over method + URI + body + timestamp.
    const byHand = createHmac('sha256', testSecret).update(`POST${receiver.url}${delivery?.rawBody.toString('utf8')}${timestamp}`).digest('base64');
    expect(delivery?.signature).toBe(byHand);
    expect(checkHubspotV3({ clientSecret: testSecret, method: 'POST', uri: receiver.url, body: delivery?.rawBody ?? Buffer.alloc(0), signature: delivery?.signature, timestamp, now: Date.now() })).toEqual({ ok: true });

    const events = receiver.events();
    const objectId = Number(created.id);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subscriptionType: 'contact.creation', objectId, changeFlag: 'NEW', changeSource: 'INTEGRATION', sourceId: testAppId, attemptNumber: 0 }),
        expect.objectContaining({ subscriptionType: 'contact.propertyChange', objectId, propertyName: 'email', propertyValue: 'w@x.example', changeSource: 'INTEGRATION' }),
        expect.objectContaining({ subscriptionType: 'contact.propertyChange', objectId, propertyName: 'firstname', propertyValue: 'Wendy' }),
      ]),
    );
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event).toEqual(
        expect.objectContaining({ portalId: Number(testPortalId), appId: Number(testAppId), eventId: expect.any(Number), subscriptionId: expect.any(Number), occurredAt: expect.any(Number) }),
      );
    }
    expect(events.map((e) => e.propertyName)).not.toEqual(expect.arrayContaining(['lastmodifieddate']));
    expect(events.map((e) => e.propertyName)).not.toEqual(expect.arrayContaining(['hs_object_id']));
  });

  it('batches events from several writes into one delivery, and splits at webhookMaxBatch', async () => {
    await start({ webhookMaxBatch: 4, webhookBatchMs: 50 });
    await client.crm.contacts.batchApi.create({
      inputs: [1, 2, 3].map((n) => ({ properties: { email: `b${n}@x.example`, jobtitle: 'CTO' }, associations: [] })),
    });
    await sandbox.webhooks.idle();
    expect(receiver.events()).toHaveLength(9);
    expect(receiver.deliveries.map((d) => d.events.length)).toEqual([4, 4, 1]);
  });

  it('reports UI edits as CRM_UI with the user, API edits as INTEGRATION, and nothing for unchanged values', async () => {
    await start();
    const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'ui@x.example', jobtitle: 'Analyst' }, associations: [] });
    await sandbox.webhooks.idle();
    const before = receiver.events().length;

    const edited = await call(sandbox, 'PATCH', `/_sandbox/contacts/${id}`, { userId: 7000001, properties: { hs_lead_status: 'CONNECTED', jobtitle: 'Analyst' } }, null);
    expect(edited.status).toBe(200);
    await client.crm.contacts.basicApi.update(id, { properties: { jobtitle: 'CTO', hs_lead_status: 'CONNECTED' } });
    await client.crm.contacts.basicApi.update(id, { properties: { jobtitle: 'CTO' } });
    await sandbox.webhooks.idle();

    const later = receiver.events().slice(before);
    expect(later.map((e) => [e.propertyName, e.propertyValue, e.changeSource, e.sourceId])).toEqual([
      ['hs_lead_status', 'CONNECTED', 'CRM_UI', 'userId:7000001'],
      ['jobtitle', 'CTO', 'INTEGRATION', testAppId],
    ]);
  });

  it('sends contact.deletion for an archive and contact.privacyDeletion for a GDPR delete', async () => {
    await start();
    const a = await client.crm.contacts.basicApi.create({ properties: { email: 'a@x.example' }, associations: [] });
    const b = await client.crm.contacts.basicApi.create({ properties: { email: 'b@x.example' }, associations: [] });
    await client.crm.contacts.basicApi.archive(a.id);
    expect((await call(sandbox, 'POST', `/_sandbox/contacts/${b.id}/privacy-delete`, undefined, null)).status).toBe(204);
    await sandbox.webhooks.idle();
    const removals = receiver.events().filter((e) => e.subscriptionType === 'contact.deletion' || e.subscriptionType === 'contact.privacyDeletion');
    expect(removals).toEqual([
      expect.objectContaining({ subscriptionType: 'contact.deletion', objectId: Number(a.id), changeFlag: 'DELETED', changeSource: 'INTEGRATION' }),
      expect.objectContaining({ subscriptionType: 'contact.privacyDeletion', objectId: Number(b.id), changeSource: 'CRM_UI' }),
    ]);
  });

  it('reports simulated form submissions as FORM', async () => {
    await start();
    const created = await call(sandbox, 'POST', '/_sandbox/contacts', { source: 'FORM', properties: { email: 'form@x.example' } }, null);
    expect(created.status).toBe(201);
    await sandbox.webhooks.idle();
    expect(receiver.events().every((e) => e.changeSource === 'FORM')).toBe(true);
    expect(receiver.events()).toHaveLength(2);
  });

  it('reports simulated imports as IMPORT and a UI delete as CRM_UI', async () => {
    await start({ subscribedProperties: [] });
    const imported = await call(sandbox, 'POST', '/_sandbox/contacts/batch', { source: 'IMPORT', inputs: [{ properties: { email: 'i1@x.example' } }, { properties: { email: 'i2@x.example' } }] }, null);
    expect(imported.status).toBe(201);
    const [first] = (imported.body?.results ?? []) as Array<{ id: string }>;
    expect((await call(sandbox, 'DELETE', `/_sandbox/contacts/${first?.id}`, { userId: 7000004 }, null)).status).toBe(204);
    await sandbox.webhooks.idle();
    expect(receiver.events().map((e) => [e.subscriptionType, e.changeSource, e.sourceId])).toEqual([
      ['contact.creation', 'IMPORT', expect.any(String)],
      ['contact.creation', 'IMPORT', expect.any(String)],
      ['contact.deletion', 'CRM_UI', 'userId:7000004'],
    ]);
  });

  it('only sends propertyChange for subscribed properties', async () => {
    await start({ subscribedProperties: ['jobtitle'] });
    await client.crm.contacts.basicApi.create({ properties: { email: 's@x.example', jobtitle: 'CIO', firstname: 'Sam' }, associations: [] });
    await sandbox.webhooks.idle();
    expect(receiver.events().map((e) => e.propertyName ?? e.subscriptionType)).toEqual(['contact.creation', 'jobtitle']);
  });

  it('retries a failed delivery (500) with the same events and attemptNumber + 1', async () => {
    await start();
    receiver.respondWith((_delivery, index) => (index === 0 ? 500 : 204));
    await client.crm.contacts.basicApi.create({ properties: { email: 'r@x.example' }, associations: [] });
    await sandbox.webhooks.idle();
    expect(receiver.deliveries).toHaveLength(2);
    const [first, second] = receiver.deliveries;
    expect(second?.events.map((e) => e.eventId)).toEqual(first?.events.map((e) => e.eventId));
    expect(first?.events.map((e) => e.attemptNumber)).toEqual([0, 0]);
    expect(second?.events.map((e) => e.attemptNumber)).toEqual([1, 1]);
    // The retry is signed afresh.
    expect(second?.signature).toBe(signHubspotV3(testSecret, 'POST', receiver.url, second?.rawBody ?? '', second?.timestamp ?? ''));
    expect(sandbox.webhooks.stats()).toEqual(expect.objectContaining({ sent: 2, retried: 2, failed: 0, pending: 0, lastError: 'HTTP 500' }));
  });

  it('treats an answer slower than the timeout as a failure and retries', async () => {
    await start({ webhookTimeoutMs: 100 });
    receiver.respondWith(async (_delivery, index) => {
      if (index === 0) await new Promise((resolve) => setTimeout(resolve, 300));
      return 200;
    });
    await client.crm.contacts.basicApi.create({ properties: { email: 't@x.example' }, associations: [] });
    await sandbox.webhooks.idle();
    expect(receiver.deliveries.map((d) => d.events[0]?.attemptNumber)).toEqual([0, 1]);
    expect(sandbox.webhooks.stats().lastError).toMatch(/no answer within 100 ms/);
  });

  it('gives up after the last attempt, with exponential backoff between attempts', async () => {
    await start({ webhookMaxAttempts: 4, retryBaseMs: 40 });
    const arrivals: number[] = [];
    receiver.respondWith(() => {
      arrivals.push(Date.now());
      return 503;
    });
    await client.crm.contacts.basicApi.create({ properties: {}, associations: [] });
    await sandbox.webhooks.idle();
    expect(receiver.deliveries.map((d) => d.events[0]?.attemptNumber)).toEqual([0, 1, 2, 3]);
    const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? at));
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[2]).toBeGreaterThanOrEqual(150);
    expect(sandbox.webhooks.stats()).toEqual(expect.objectContaining({ sent: 0, failed: 1, retried: 3, pending: 0 }));
  });

  it('keeps at most 10 deliveries in flight', async () => {
    await start({ subscribedProperties: [], webhookMaxBatch: 1, webhookBatchMs: 1 });
    receiver.respondWith(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 204;
    });
    await client.crm.contacts.batchApi.create({ inputs: Array.from({ length: 30 }, () => ({ properties: {}, associations: [] })) });
    await sandbox.webhooks.idle();
    expect(receiver.events()).toHaveLength(30);
    expect(receiver.maxConcurrent).toBe(10);
  });

  it('sends nothing for seeded (existing) contacts, and nothing before a webhook URL is set', async () => {
    sandbox = await startTestSandbox({ seed: { contacts: 20 }, webhookUrl: null, webhookBatchMs: 5 });
    client = sdkClient(sandbox);
    expect(sandbox.state.hubspot.contacts.size).toBe(20);
    await client.crm.contacts.basicApi.create({ properties: { email: 'early@x.example' }, associations: [] });
    await sandbox.webhooks.idle();
    expect(sandbox.webhooks.stats().discarded).toBe(2);

    sandbox.setWebhookUrl(receiver.url);
    await client.crm.contacts.basicApi.create({ properties: { email: 'late@x.example' }, associations: [] });
    await sandbox.webhooks.idle();
    await waitFor('the late contact events', () => receiver.events().length === 2);
    expect(receiver.events().find((e) => e.propertyName === 'email')?.propertyValue).toBe('late@x.example');
  });

  it('closes cleanly with a delivery in flight', async () => {
    await start();
    let release: (status: number) => void = () => undefined;
    receiver.respondWith(() => new Promise<number>((resolve) => (release = resolve)));
    await client.crm.contacts.basicApi.create({ properties: {}, associations: [] });
    await waitFor('a delivery to start', () => receiver.deliveries.length === 1);
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sandbox.webhooks.stats().inFlight).toBe(0);
    release(204);
  });
});
