import { runCommand } from '../../src/cli/run-command';
import { burstFigures, printFigures, type BurstFigures } from './support/burst-figures';
import { burstLeads } from './support/burst-leads';
import { hubspotTenant, startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';
import { simulatedWriteSource } from '../../scripts/sandbox/sandbox-write-sources';

const figures: BurstFigures[] = [];
afterAll(() => printFigures(figures));

describe('CRM outage: 429s, 5xx and timeouts', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack({
      sandbox: { subscribedProperties: [], rateLimit: null, retryBaseMs: 50 },
      env: { WORKER_MAX_ATTEMPTS: '3', WORKER_BATCH_SIZE: '100', HUBSPOT_RATE_LIMIT_REQUESTS: '1000' },
    });
  });
  afterAll(async () => {
    await stack.stop();
  });

  const create = (count: number, prefix: string) =>
    stack.sandbox.state.hubspot.contacts.createMany(burstLeads(count, prefix), simulatedWriteSource('FORM')).map((r) => r.id);
  // Written to the CRM and committed in the store (the commit follows the write).
  const decidedAll = (ids: string[]) => async () =>
    ids.every((id) => stack.sandbox.state.hubspot.contacts.get(id).properties.accord_stage) &&
    (await stack.accord.store.getLatestDecisions(hubspotTenant, ids)).size === ids.length
      ? true
      : undefined;

  it('lands everything once the CRM recovers from a period of 429s, 5xx and a hung request', async () => {
    const inject = stack.sandbox.faults.inject;
    inject({ mode: 'rate_limit', retryAfterSeconds: 1, count: 4, paths: ['/crm/v3/objects/contacts/batch/update'] });
    inject({ mode: 'server_error', status: 503, durationMs: 3000, paths: ['/crm/v3/objects/contacts/batch/read'] });
    inject({ mode: 'server_error', status: 502, count: 3, paths: ['/crm/v3/objects/contacts/batch/update'] });
    inject({ mode: 'timeout', count: 1, paths: ['/crm/v3/objects/contacts/batch/read'] });
    const ids = create(1000, 'outage');

    await waitFor(decidedAll(ids), 120_000, 'every lead decided after the outage');
    const result = await burstFigures('CRM outage (429 ×4, 503 for 3 s, 502 ×3, 1 hung read)', stack.sandbox, stack.accord.store, ids, ids.length);
    figures.push(result);
    const faulted = stack.sandbox.callLog.snapshot().endpoints;
    expect(faulted['POST /crm/v3/objects/contacts/batch/update']?.statuses['429']).toBe(4);
    expect(faulted['POST /crm/v3/objects/contacts/batch/read']?.statuses['503']).toBeGreaterThan(0);
    expect(result).toMatchObject({ decided: ids.length, written: ids.length, lost: 0, duplicated: 0, deadLetters: 0 });
  });

  it('dead-letters events past the retry budget with the reason, and `accord dead-letters retry` replays them', async () => {
    stack.sandbox.faults.inject({ mode: 'server_error', status: 500, paths: ['/crm/v3/objects/contacts/batch/read'] });
    const ids = create(50, 'dead');
    const letters = await waitFor(async () => {
      const dead = await stack.accord.store.listDeadLetters(hubspotTenant);
      return dead.length === ids.length ? dead : undefined;
    }, 90_000, 'the events to reach the dead letters');
    for (const letter of letters) {
      expect(letter.attempts).toBe(3);
      expect(letter.reason).toMatch(/CRM unavailable|500|internal error/i);
    }
    expect(ids.some((id) => stack.sandbox.state.hubspot.contacts.get(id).properties.accord_stage)).toBe(false);

    stack.sandbox.faults.clear();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = stack.databaseUrl;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCommand(['dead-letters', 'retry'])).toBe(0);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(`${ids.length} dead letter(s) moved back`);
    } finally {
      write.mockRestore();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }

    await waitFor(decidedAll(ids), 60_000, 'the replayed events decided');
    const result = await burstFigures(`retry budget exhausted (500 until cleared): ${letters.length} dead letters, then dead-letters retry`, stack.sandbox, stack.accord.store, ids, ids.length);
    figures.push(result);
    expect(result).toMatchObject({ decided: ids.length, written: ids.length, lost: 0, duplicated: 0, deadLetters: 0 });
  });
});
