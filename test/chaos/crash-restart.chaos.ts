import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { simulatedWriteSource } from '../../scripts/sandbox/sandbox-write-sources';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { openStore } from '../../src/store/open-store';
import { startTemporaryPostgres, type TemporaryPostgres } from '../support/start-postgres';
import { freePort, startAccordChild, type AccordChild } from './support/accord-child';
import { burstFigures, printFigures, type BurstFigures } from './support/burst-figures';
import { burstLeads } from './support/burst-leads';
import { sandboxCrmEnv, waitFor } from './support/start-chaos-stack';

const burst = 5000;
const figures: BurstFigures[] = [];

afterAll(() => printFigures(figures));

describe.each(['sqlite', 'postgres'] as const)('kill -9 in the middle of a 5,000-event burst (%s)', (kind) => {
  let sandbox: Sandbox;
  let postgres: TemporaryPostgres | null = null;
  let databaseUrl: string;
  let dir: string;
  let child: AccordChild | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-crash-'));
    postgres = kind === 'postgres' ? await startTemporaryPostgres() : null;
    databaseUrl = postgres ? postgres.url : `file:${join(dir, 'accord.db')}`;
    // Creation events only (no property subscriptions): the burst is exactly one event per contact.
    // Webhook retries span ~50 s, as HubSpot keeps retrying while Accord is down.
    sandbox = await startSandbox({
      clientSecret: sandboxDefaults.clientSecret,
      appId: sandboxDefaults.appId,
      seed: { contacts: 0 },
      webhookBatchMs: 5,
      retryBaseMs: 50,
      webhookMaxAttempts: 10,
      subscribedProperties: [],
      rateLimit: null,
    });
  }, 120_000);

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await sandbox?.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides every event exactly once and writes every record once after a restart', async () => {
    const port = await freePort();
    const env = {
      ...sandboxCrmEnv(sandbox.url),
      DATABASE_URL: databaseUrl,
      WORKER_POLL_MS: '20',
      WORKER_BATCH_SIZE: '200',
      // Rows the killed process had claimed come back once their lease runs out.
      WORKER_LEASE_MS: '10000',
      HUBSPOT_RATE_LIMIT_REQUESTS: '1000',
    };
    child = await startAccordChild(env, port);
    sandbox.setWebhookUrl(`${child.url}/webhooks/hubspot`);

    const records = sandbox.state.hubspot.contacts.createMany(burstLeads(burst, kind), simulatedWriteSource('FORM'));
    const ids = records.map((r) => r.id);

    // Kill right after a write batch lands: the decisions it wrote may not be committed yet.
    const writes = () => sandbox.callLog.count('POST /crm/v3/objects/contacts/batch/update');
    await waitFor(async () => (writes() >= 8 ? true : undefined), 60_000, 'the burst to be under way');
    await child.kill('SIGKILL');
    const writtenAtCrash = ids.filter((id) => sandbox.state.hubspot.contacts.get(id).properties.accord_stage).length;
    expect(writtenAtCrash).toBeGreaterThan(0);
    expect(writtenAtCrash).toBeLessThan(burst);

    child = await startAccordChild(env, port);
    await waitFor(async () => (ids.every((id) => sandbox.state.hubspot.contacts.get(id).properties.accord_stage) ? true : undefined), 150_000, 'every contact to be decided');
    await sandbox.webhooks.idle();
    await child.kill('SIGTERM');
    child = null;

    const store = await openStore(databaseUrl);
    try {
      const result = await burstFigures(`crash (kill -9 at ${writtenAtCrash}/${burst}), ${kind}`, sandbox, store, ids, burst);
      figures.push(result);
      expect(sandbox.webhooks.stats().failed).toBe(0);
      expect((await store.inboxStats(new Date().toISOString())).pending).toBe(0);
      expect(result).toMatchObject({ decided: burst, written: burst, lost: 0, duplicated: 0, deadLetters: 0 });
    } finally {
      await store.close();
    }
  }, 240_000);
});
