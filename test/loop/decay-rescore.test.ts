import pino from 'pino';
import type { CrmEvent } from '../../src/core/crm-event';
import { defaultDefinition } from '../../src/core/default-definition';
import { rescoreDecayedLeads } from '../../src/jobs/decay-rescore-job';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import { processInboxOnce } from '../../src/pipeline/process-inbox-once';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { emptyWorkerStats } from '../../src/pipeline/worker-stats';
import { openStore } from '../../src/store/open-store';
import type { Store, TenantRecord } from '../../src/store/store';
import { makeLead, signal } from '../core/make-lead';
import { ManualClock } from '../support/manual-clock';
import { MemoryCrmAdapter } from '../support/memory-crm-adapter';

const day = 86_400_000;
const tenant = { crm: 'hubspot' as const, tenantId: 't1' };
const settings = { workerId: 'w1', batchSize: 1000, maxAttempts: 3, leaseMs: 60_000 };

describe('daily decay re-score', () => {
  let store: Store;
  let crm: MemoryCrmAdapter;
  let clock: ManualClock;
  let record: TenantRecord;
  const deps = () => ({
    store,
    clock,
    stats: emptyWorkerStats(),
    logger: pino({ level: 'silent' }),
    callPolicy: defaultCrmCallPolicy,
    runtime: {
      adapterFor: () => crm,
      connectionFor: () => ({ crm: 'hubspot' as const, tenantId: 't1', accessToken: 'x', instanceUrl: null }),
      limiterFor: () => new RollingWindowLimiter(110, 10_000, clock),
    },
  });

  beforeEach(async () => {
    store = await openStore(':memory:');
    clock = new ManualClock(Date.parse('2026-03-02T10:00:00Z'));
    const now = new Date(clock.time).toISOString();
    record = { ...tenant, name: 'T1', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now };
    await store.upsertTenant(record);
    const draft = await store.saveDraft(tenant, defaultDefinition, 'test', now);
    await store.publishDraft(tenant, draft.id, 'test', now);
    crm = new MemoryCrmAdapter();
    crm.owners = [{ id: 'o1', name: 'Maria Lopez', email: null, teams: ['East'], available: true }];
    const yesterday = new Date(clock.time - day).toISOString();
    const buyer = { title: 'VP Sales', employees: 200 };
    // Hot yesterday: its demo request and page views age out of sales-ready within months.
    crm.records.set('fading', makeLead({ recordId: 'fading', ...buyer, activity: [signal('demo_request', 1, yesterday), signal('page_view', 20, yesterday)] }));
    // No intent to lose: the same stage whenever it is scored.
    crm.records.set('steady', makeLead({ recordId: 'steady', ...buyer, email: 'sam.ito@acme-industries.com', activity: [] }));
    const events: CrmEvent[] = ['fading', 'steady'].map((id) => ({
      crm: 'hubspot',
      tenantId: 't1',
      recordId: id,
      kind: 'created',
      changedFields: [],
      occurredAt: now,
      dedupeKey: `created-${id}`,
      ownWrite: false,
    }));
    await store.enqueueEvents(events, now);
    await processInboxOnce(deps(), settings);
  });
  afterEach(async () => store.close());

  it('queues only the leads whose stage decayed, and the worker writes only those', async () => {
    const before = await store.getLatestDecisions(tenant, ['fading', 'steady']);
    expect(before.get('fading')?.stage).toBe('sales_ready');
    const steadyStage = before.get('steady')?.stage;

    // The next day nothing has decayed far enough: nothing queued, nothing written.
    clock.time += day;
    expect(await rescoreDecayedLeads(deps(), record)).toBe(0);

    clock.time += 120 * day;
    crm.writes = [];
    expect(await rescoreDecayedLeads(deps(), record)).toBe(1);
    // Queued once per day: a second run (another instance) adds nothing.
    await rescoreDecayedLeads(deps(), record);
    const pass = await processInboxOnce(deps(), settings);
    expect(pass.claimed).toBe(1);
    expect(crm.writes.map((w) => w.recordId)).toEqual(['fading']);
    const after = await store.getLatestDecisions(tenant, ['fading', 'steady']);
    expect(after.get('fading')?.stage).not.toBe('sales_ready');
    expect(crm.records.get('fading')?.accord.stage).toBe(after.get('fading')?.stage);
    expect(after.get('steady')?.stage).toBe(steadyStage);
    expect(after.get('steady')?.decidedAt).toBe(before.get('steady')?.decidedAt);
  });
});
