import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createHubspotAdapter } from '../../adapters/hubspot/create-hubspot-adapter';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { createAccordMetrics, type AccordMetrics } from '../../src/metrics/accord-metrics';
import { createApp } from '../../src/server/create-app';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ManualClock } from '../support/manual-clock';
import { sample } from './prometheus-sample';

const portalId = sandboxDefaults.portalId ?? '62515';

/** Accord's app as `accord start` builds it, with /metrics mounted the way the lead engineer mounts it. */
async function startApp(options: { bearerToken?: string } = {}) {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  await store.upsertTenant({
    crm: 'hubspot',
    tenantId: portalId,
    name: 'Sandbox',
    active: true,
    credentials: '',
    instanceUrl: null,
    installedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const clock = new ManualClock(Date.now());
  const metrics = createAccordMetrics({ processMetrics: false });
  let publicUrl = '';
  const app = createApp({
    store,
    hubspot: createHubspotAdapter({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId }),
    salesforce: null,
    clock,
    logger: pino({ level: 'silent' }),
    get publicUrl() {
      return publicUrl;
    },
    metrics,
    metricsBearerToken: options.bearerToken,
    dashboardAccess: null,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  publicUrl = url;
  return {
    url,
    store,
    clock,
    metrics,
    async scrape(headers: Record<string, string> = {}): Promise<string> {
      const response = await fetch(`${url}/metrics`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    },
    async postWebhook(contactIds: number[]): Promise<Response> {
      const body = JSON.stringify(
        contactIds.map((objectId, index) => ({
          eventId: 1000 + objectId,
          subscriptionId: 9001,
          portalId: Number(portalId),
          appId: 77,
          occurredAt: clock.now() - index,
          subscriptionType: 'contact.creation',
          attemptNumber: 0,
          objectId,
          changeSource: 'FORM',
        })),
      );
      const timestamp = String(clock.now());
      const target = `${url}/webhooks/hubspot`;
      return fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signHubspotV3(sandboxDefaults.clientSecret, 'POST', target, body, timestamp),
          'x-hubspot-request-timestamp': timestamp,
        },
        body,
      });
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}

describe('GET /metrics', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  afterEach(() => app.stop());

  it('shows the queue filling from real signed webhooks, ageing, and emptying into the dead letters', async () => {
    app = await startApp();
    let text = await app.scrape();
    expect(sample(text, 'accord_queue_depth')).toBe(0);
    expect(sample(text, 'accord_store_up')).toBe(1);

    expect((await app.postWebhook([5101, 5102, 5103])).status).toBe(200);
    app.clock.time += 90_000;
    text = await app.scrape();
    expect(sample(text, 'accord_queue_depth')).toBe(3);
    expect(sample(text, 'accord_queue_oldest_event_age_seconds')).toBe(90);
    expect(sample(text, 'accord_dead_letters')).toBe(0);

    const now = new Date(app.clock.now()).toISOString();
    const claimed = await app.store.claimEvents('worker-1', 2, now, new Date(app.clock.now() + 60_000).toISOString());
    await app.store.deadLetterEvents(claimed.map((row) => row.id), 'gave up', now);
    text = await app.scrape();
    expect(sample(text, 'accord_queue_depth')).toBe(1);
    expect(sample(text, 'accord_dead_letters')).toBe(2);
  });

  it('shows counters moving as the pipeline calls the helpers', async () => {
    app = await startApp();
    const before = await app.scrape();
    expect(sample(before, 'accord_events_received_total', { crm: 'hubspot', outcome: 'accepted' })).toBeUndefined();

    const record = (m: AccordMetrics) => {
      m.eventsReceived.inc({ crm: 'hubspot', outcome: 'accepted' }, 3);
      m.decisions.inc({ crm: 'hubspot', stage: 'mql' });
      m.recordCrmCall({ crm: 'hubspot', endpoint: 'POST /crm/v3/objects/contacts/batch/update', status: 429, seconds: 0.05 });
      m.jobRuns.inc({ job: 'reconcile', outcome: 'failed' });
    };
    record(app.metrics);
    record(app.metrics);

    const after = await app.scrape();
    expect(sample(after, 'accord_events_received_total', { crm: 'hubspot', outcome: 'accepted' })).toBe(6);
    expect(sample(after, 'accord_decisions_total', { crm: 'hubspot', stage: 'mql' })).toBe(2);
    expect(sample(after, 'accord_crm_rate_limited_total', { crm: 'hubspot', endpoint: 'POST /crm/v3/objects/contacts/batch/update' })).toBe(2);
    expect(sample(after, 'accord_job_runs_total', { job: 'reconcile', outcome: 'failed' })).toBe(2);
  });

  it('asks for the bearer token when one is configured', async () => {
    app = await startApp({ bearerToken: 'scrape-me' });

    const refused = await fetch(`${app.url}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-one' } })).status).toBe(401);
    expect(sample(await app.scrape({ authorization: 'Bearer scrape-me' }), 'accord_store_up')).toBe(1);
  });
});
