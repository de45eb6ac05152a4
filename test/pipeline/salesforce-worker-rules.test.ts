import pino from 'pino';
import { CrmRateLimitedError } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import { defaultDefinition } from '../../src/core/default-definition';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import { dropEchoes } from '../../src/pipeline/drop-echoes';
import { processInboxOnce, type WorkerSettings } from '../../src/pipeline/process-inbox-once';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { emptyWorkerStats } from '../../src/pipeline/worker-stats';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { makeLead, signal } from '../core/make-lead';
import { ManualClock } from '../support/manual-clock';
import { MemoryCrmAdapter } from '../support/memory-crm-adapter';

const tenant = { crm: 'hubspot' as const, tenantId: 't1' };
const settings: WorkerSettings = { workerId: 'w1', batchSize: 1000, maxAttempts: 2, leaseMs: 60_000 };
let seq = 0;

function event(recordId: string, extra: Partial<CrmEvent> = {}): CrmEvent {
  seq += 1;
  return { crm: 'hubspot', tenantId: 't1', recordId, kind: 'changed', changedFields: [], occurredAt: new Date(1_700_000_000_000 + seq).toISOString(), dedupeKey: `rules-${seq}`, ownWrite: false, ...extra };
}

describe('worker rules the Salesforce adapter relies on', () => {
  let store: Store;
  let crm: MemoryCrmAdapter;
  let clock: ManualClock;
  let limiter: RollingWindowLimiter;
  const deps = () => ({
    store,
    clock,
    stats: emptyWorkerStats(),
    logger: pino({ level: 'silent' }),
    callPolicy: { ...defaultCrmCallPolicy, transientRetries: 0, rateLimitBudgetMs: 60_000 },
    runtime: {
      adapterFor: () => crm,
      connectionFor: () => ({ crm: 'hubspot' as const, tenantId: 't1', accessToken: 'x', instanceUrl: null }),
      limiterFor: () => limiter,
    },
  });
  const now = () => new Date(clock.time).toISOString();

  beforeEach(async () => {
    store = await openStore(':memory:');
    clock = new ManualClock(Date.parse('2026-11-02T10:00:00Z'));
    limiter = new RollingWindowLimiter(100, 10_000, clock);
    await store.upsertTenant({ ...tenant, name: 'T1', active: true, credentials: '', instanceUrl: null, installedAt: now(), updatedAt: now() });
    const draft = await store.saveDraft(tenant, defaultDefinition, 'test', now());
    await store.publishDraft(tenant, draft.id, 'test', now());
    crm = new MemoryCrmAdapter();
    crm.owners = [{ id: 'o1', name: 'Maria Lopez', email: null, teams: ['East'], available: true }];
    const hot = { title: 'VP Sales', employees: 200, activity: [signal('demo_request', 1), signal('page_view', 20)] };
    for (const id of ['a', 'b']) crm.records.set(id, makeLead({ tenantId: 't1', recordId: id, ...hot, inputDigest: `digest-${id}-1` }));
  });
  afterEach(async () => store.close());

  it('keeps the digest of the inputs a decision was made from, and refreshes it whenever it writes', async () => {
    await store.enqueueEvents([event('a')], now());
    await processInboxOnce(deps(), settings);
    expect((await store.getLatestDecision(tenant, 'a'))?.inputDigest).toBe('digest-a-1');

    // New inputs, same verdict — and a rep blanked Accord's score: Accord writes, so the echo must match the new digest.
    const lead = crm.records.get('a');
    if (!lead) throw new Error('no lead a');
    crm.records.set('a', { ...lead, inputDigest: 'digest-a-2', accord: { ...lead.accord, score: null } });
    await store.enqueueEvents([event('a')], now());
    await processInboxOnce(deps(), settings);
    expect(crm.calls.write).toBe(2);
    expect((await store.getLatestDecision(tenant, 'a'))?.inputDigest).toBe('digest-a-2');
    expect(await store.decisionHistory(tenant, 'a')).toHaveLength(2);
  });

  it("marks as own writes exactly the echoes whose digest is the latest decision's", async () => {
    await store.enqueueEvents([event('a')], now());
    await processInboxOnce(deps(), settings);
    const events = await dropEchoes(store, [
      event('a', { echoDigest: 'digest-a-1' }),
      event('a', { echoDigest: 'digest-a-0' }),
      event('b', { echoDigest: 'digest-b-1' }),
      event('a'),
    ]);
    expect(events.map((e) => e.ownWrite)).toEqual([true, false, false, false]);
  });

  it('treats a converted lead as done: nothing written, nothing recorded, nothing dead-lettered', async () => {
    crm.refuse.set('a', { retryable: false, code: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'the lead is converted' });
    await store.enqueueEvents([event('a'), event('b')], now());
    const pass = await processInboxOnce(deps(), settings);
    expect(pass).toMatchObject({ done: 2, retried: 0, deadLettered: 0 });
    expect(await store.getLatestDecision(tenant, 'a')).toBeNull();
    expect(await store.getLatestDecision(tenant, 'b')).not.toBeNull();
  });

  it('puts rate-limited events back until the CRM said to come back, never into the dead letters', async () => {
    const hour = 60 * 60 * 1000;
    await store.enqueueEvents([event('a')], now());
    for (let attempt = 0; attempt < 4; attempt += 1) {
      crm.failNext.push(new CrmRateLimitedError('TotalRequests Limit exceeded.', hour));
      const pass = await processInboxOnce(deps(), settings);
      expect(pass).toMatchObject({ claimed: 1, retried: 1, deadLettered: 0 });
      // Not due before the hour is up.
      clock.time += hour - 1000;
      expect((await processInboxOnce(deps(), settings)).claimed).toBe(0);
      clock.time += 1000;
    }
    expect(await store.listDeadLetters()).toHaveLength(0);
    expect((await processInboxOnce(deps(), settings)).done).toBe(1);
  });

  it('does not call a CRM that asked for a long pause: the events wait without holding up the worker', async () => {
    limiter.pauseFor(60 * 60 * 1000);
    await store.enqueueEvents([event('a')], now());
    const startedAt = clock.time;
    const pass = await processInboxOnce(deps(), settings);
    expect(pass).toMatchObject({ claimed: 1, retried: 1 });
    expect(crm.calls.read).toBe(0);
    expect(clock.time).toBe(startedAt);
  });
});
