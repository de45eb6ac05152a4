import pino from 'pino';
import { CrmUnavailableError } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import { defaultDefinition } from '../../src/core/default-definition';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import { processInboxOnce, type WorkerSettings } from '../../src/pipeline/process-inbox-once';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { emptyWorkerStats } from '../../src/pipeline/worker-stats';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { makeLead, signal } from '../core/make-lead';
import { ManualClock } from '../support/manual-clock';
import { MemoryCrmAdapter } from '../support/memory-crm-adapter';

const tenant = { crm: 'hubspot' as const, tenantId: 't1' };
const settings: WorkerSettings = { workerId: 'w1', batchSize: 1000, maxAttempts: 3, leaseMs: 60_000 };
let seq = 0;

function event(recordId: string, kind: CrmEvent['kind'] = 'changed', tenantId = 't1'): CrmEvent {
  seq += 1;
  return { crm: 'hubspot', tenantId, recordId, kind, changedFields: ['jobtitle'], occurredAt: new Date(1_700_000_000_000 + seq).toISOString(), dedupeKey: `k${seq}`, ownWrite: false };
}

describe('processInboxOnce', () => {
  let store: Store;
  let crm: MemoryCrmAdapter;
  let clock: ManualClock;
  const stats = emptyWorkerStats();
  const deps = () => ({
    store,
    clock,
    stats,
    logger: pino({ level: 'silent' }),
    callPolicy: { ...defaultCrmCallPolicy, transientRetries: 1, transientBackoffMs: 1 },
    runtime: {
      adapterFor: () => crm,
      connectionFor: () => ({ crm: 'hubspot' as const, tenantId: 't1', accessToken: 'x', instanceUrl: null }),
      limiterFor: () => new RollingWindowLimiter(110, 10_000, clock),
    },
  });

  beforeEach(async () => {
    store = await openStore(':memory:');
    clock = new ManualClock(Date.parse('2026-11-02T10:00:00Z'));
    const now = new Date(clock.time).toISOString();
    await store.upsertTenant({ ...tenant, name: 'T1', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now });
    const draft = await store.saveDraft(tenant, defaultDefinition, 'test', now);
    await store.publishDraft(tenant, draft.id, 'test', now);
    crm = new MemoryCrmAdapter();
    crm.owners = [{ id: 'o1', name: 'Maria Lopez', email: null, teams: ['East'], available: true }];
    const hot = { title: 'VP Sales', employees: 200, activity: [signal('demo_request', 1), signal('page_view', 20)] };
    for (const id of ['a', 'b', 'c']) crm.records.set(id, makeLead({ tenantId: 't1', recordId: id, ...hot }));
  });
  afterEach(async () => store.close());

  it('coalesces many events on few records into one read and one write, writing only Accord fields', async () => {
    await store.enqueueEvents([event('a'), event('a'), event('b'), event('a'), event('c'), event('b'), event('c'), event('a')], new Date(clock.time).toISOString());
    const pass = await processInboxOnce(deps(), settings);
    expect(pass).toMatchObject({ claimed: 8, done: 8, retried: 0, deadLettered: 0 });
    expect(crm.calls).toMatchObject({ read: 1, write: 1 });
    expect(crm.writes.map((w) => w.recordId).sort()).toEqual(['a', 'b', 'c']);
    expect(Object.keys(crm.writes[0]?.fields ?? {}).sort()).toEqual(['definitionVersion', 'ownerId', 'score', 'slaDueAt', 'slaState', 'stage', 'why']);
    expect((await store.getLatestDecision(tenant, 'a'))?.stage).toBe('sales_ready');
    expect((await store.inboxStats(new Date(clock.time).toISOString())).pending).toBe(0);
  });

  it('lets waiting I/O (webhook acks) run between the stretches of a pass instead of holding the event loop for all of it', async () => {
    const hot = { title: 'VP Sales', employees: 200, activity: [signal('demo_request', 1), signal('page_view', 20)] };
    const ids = Array.from({ length: 300 }, (_, i) => `r${i}`);
    for (const id of ids) crm.records.set(id, makeLead({ tenantId: 't1', recordId: id, ...hot }));
    await store.enqueueEvents(ids.map((id) => event(id)), new Date(clock.time).toISOString());
    // The SQLite store and this CRM answer without real I/O: a pass that never yields would finish
    // before any of these turns of the event loop got to run.
    let turns = 0;
    let passing = true;
    const countTurns = (): void => {
      if (!passing) return;
      turns += 1;
      setImmediate(countTurns);
    };
    setImmediate(countTurns);
    const pass = await processInboxOnce(deps(), settings);
    passing = false;
    expect(pass).toMatchObject({ claimed: 300, done: 300 });
    // At least once per 50 decisions, and around each store write.
    expect(turns).toBeGreaterThanOrEqual(ids.length / 50);
  });

  it('writes nothing when the record already carries the decision', async () => {
    await store.enqueueEvents([event('a')], new Date(clock.time).toISOString());
    await processInboxOnce(deps(), settings);
    await store.enqueueEvents([event('a')], new Date(clock.time).toISOString());
    await processInboxOnce(deps(), settings);
    expect(crm.calls).toMatchObject({ read: 2, write: 1 });
    expect(await store.decisionHistory(tenant, 'a')).toHaveLength(1);
  });

  it('retries a record the CRM refused for a passing reason, and dead-letters it when attempts run out', async () => {
    crm.refuse.set('b', { retryable: true, code: 'LOCKED', message: 'record is locked' });
    await store.enqueueEvents([event('a'), event('b')], new Date(clock.time).toISOString());
    const first = await processInboxOnce(deps(), settings);
    expect(first).toMatchObject({ done: 1, retried: 1 });
    for (let attempt = 2; attempt <= settings.maxAttempts; attempt += 1) {
      clock.time += 15 * 60_000; // past any backoff
      await processInboxOnce(deps(), settings);
    }
    const letters = await store.listDeadLetters(tenant);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.event.recordId).toBe('b');
    expect(letters[0]?.reason).toContain('record is locked');
    expect(await store.getLatestDecision(tenant, 'b')).toBeNull();
  });

  it('dead-letters a record refused for good at once, with the CRM message', async () => {
    crm.refuse.set('c', { retryable: false, code: 'INVALID_FIELD', message: 'accord_stage is not a property' });
    await store.enqueueEvents([event('c')], new Date(clock.time).toISOString());
    expect(await processInboxOnce(deps(), settings)).toMatchObject({ deadLettered: 1 });
    expect((await store.listDeadLetters(tenant))[0]?.reason).toBe('INVALID_FIELD: accord_stage is not a property');
  });

  it('puts the whole batch back when the CRM is down, then finishes once it is back', async () => {
    crm.failNext = [new CrmUnavailableError('502 Bad Gateway', 502), new CrmUnavailableError('502 Bad Gateway', 502)];
    await store.enqueueEvents([event('a'), event('b')], new Date(clock.time).toISOString());
    expect(await processInboxOnce(deps(), settings)).toMatchObject({ done: 0, retried: 2 });
    expect(await processInboxOnce(deps(), settings)).toMatchObject({ claimed: 0 });
    clock.time += 60_000;
    expect(await processInboxOnce(deps(), settings)).toMatchObject({ claimed: 2, done: 2 });
    expect(crm.writes).toHaveLength(2);
  });

  it('acks events of records deleted since, and dead-letters events of accounts that are not installed', async () => {
    await store.enqueueEvents([event('gone'), event('a', 'deleted'), event('x', 'changed', 'other-portal')], new Date(clock.time).toISOString());
    const pass = await processInboxOnce(deps(), settings);
    expect(pass).toMatchObject({ claimed: 3, done: 2, deadLettered: 1 });
    expect(crm.calls.write).toBe(0);
    expect((await store.listDeadLetters())[0]?.reason).toMatch(/not installed/);
    expect((await store.listAudit(tenant, 10)).map((a) => a.action)).toContain('record.deleted');
  });
});
