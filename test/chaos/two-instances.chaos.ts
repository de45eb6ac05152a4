import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { simulatedWriteSource } from '../../scripts/sandbox/sandbox-write-sources';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { startTemporaryPostgres, type TemporaryPostgres } from '../support/start-postgres';
import { freePort, startAccordChild, type AccordChild } from './support/accord-child';
import { burstFigures, printFigures, type BurstFigures } from './support/burst-figures';
import { burstLeads } from './support/burst-leads';
import { hubspotTenant, sandboxCrmEnv, waitFor } from './support/start-chaos-stack';

const burst = 5000;
const figures: BurstFigures[] = [];
/** Owner sync every 5 s, so a minute shows whether a slot ever runs twice. */
const ownerSyncEvery5s = '*/5 * * * * *';

describe('two instances on one Postgres', () => {
  let sandbox: Sandbox;
  let postgres: TemporaryPostgres;
  let store: Store;
  const children: AccordChild[] = [];

  beforeAll(async () => {
    postgres = await startTemporaryPostgres();
    sandbox = await startSandbox({
      clientSecret: sandboxDefaults.clientSecret,
      appId: sandboxDefaults.appId,
      seed: { contacts: 0 },
      webhookBatchMs: 5,
      retryBaseMs: 50,
      subscribedProperties: [],
      rateLimit: null,
    });
    const env = {
      ...sandboxCrmEnv(sandbox.url),
      DATABASE_URL: postgres.url,
      WORKER_POLL_MS: '10',
      WORKER_BATCH_SIZE: '100',
      WORKER_LEASE_MS: '10000',
      HUBSPOT_RATE_LIMIT_REQUESTS: '1000',
      OWNER_SYNC_CRON: ownerSyncEvery5s,
    };
    // One after the other: the second finds the tenant the first installed.
    children.push(await startAccordChild(env, await freePort()));
    children.push(await startAccordChild(env, await freePort()));
    store = await openStore(postgres.url);
  }, 120_000);

  afterAll(async () => {
    printFigures(figures);
    for (const child of children) await child.kill('SIGTERM');
    await store?.close();
    await sandbox?.close();
    await postgres?.stop();
  });

  it('decides no event twice and writes no record twice under a burst split between them', async () => {
    // Webhook batches alternate between the instances, as a load balancer would send them.
    let turn = 0;
    const urls = children.map((c) => `${c.url}/webhooks/hubspot`);
    const flip = setInterval(() => {
      turn += 1;
      sandbox.setWebhookUrl(urls[turn % urls.length] ?? null);
    }, 15);
    sandbox.setWebhookUrl(urls[0] ?? null);
    try {
      const ids = sandbox.state.hubspot.contacts.createMany(burstLeads(burst, 'pair'), simulatedWriteSource('FORM')).map((r) => r.id);
      await waitFor(
        async () => (ids.every((id) => sandbox.state.hubspot.contacts.get(id).properties.accord_stage) && (await store.getLatestDecisions(hubspotTenant, ids)).size === ids.length ? true : undefined),
        150_000,
        'every contact decided',
      );
      await sandbox.webhooks.idle();
      const result = await burstFigures('two instances, one Postgres', sandbox, store, ids, burst);
      figures.push(result);
      expect(sandbox.webhooks.stats().failed).toBe(0);
      expect(result).toMatchObject({ decided: burst, written: burst, lost: 0, duplicated: 0, deadLetters: 0 });
      // Both instances took part: both received webhooks and both logged nothing alarming.
      for (const child of children) expect(child.stderr()).not.toMatch(/"level":(50|60)/);
    } finally {
      clearInterval(flip);
    }
  });

  it('runs each scheduled job slot once across both instances', async () => {
    const owners = () => sandbox.callLog.count('GET /crm/v3/owners');
    const before = owners();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 21_000));
    const slots = Math.floor((Date.now() - started) / 5000);
    // One sync lists active owners, then archived ones: two calls per run.
    const runs = (owners() - before) / 2;
    figures.push({ scenario: `owner-sync job, two instances, ${slots} slots`, eventsIn: slots, decided: runs, written: 0, lost: Math.max(0, slots - 1 - runs), duplicated: Math.max(0, runs - (slots + 1)), deadLetters: 0 });
    // Each 5-second slot runs once (±1 for the window's edges), never once per instance.
    expect(runs).toBeGreaterThanOrEqual(slots - 1);
    expect(runs).toBeLessThanOrEqual(slots + 1);
  });
});
