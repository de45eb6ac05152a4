import type { TenantConnection } from '../../src/core/crm-adapter';
import type { Decision } from '../../src/core/decision';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import type { ChangeFeed, DeletedRecord } from '../../src/pipeline/change-feed';
import { deletionCursorName } from '../../src/pipeline/reconcile-deletions';
import { reconcileCursorName, reconcileTenant } from '../../src/pipeline/reconcile-tenant';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { openStore } from '../../src/store/open-store';
import type { Store, TenantRecord } from '../../src/store/store';
import { decision } from '../store/fixtures';
import { ManualClock } from '../support/manual-clock';

const tenant = { crm: 'salesforce' as const, tenantId: '00D5e0000000AccEAE' };
const installedAt = '2026-11-02T09:00:00.000Z';

describe('reconciling deletions (Salesforce sends nothing on delete)', () => {
  let store: Store;
  let clock: ManualClock;
  let record: TenantRecord;
  let deleted: DeletedRecord[] = [];
  let coveredUntil = '';
  const asked: Array<{ since: string; until: string }> = [];
  const feed: ChangeFeed = {
    listChangedSince: async () => ({ changes: [], more: false }),
    async listDeletedSince(_connection: TenantConnection, since: string, until: string) {
      asked.push({ since, until });
      return { deleted, coveredUntil };
    },
  };
  const deps = () => ({
    store,
    clock,
    callPolicy: defaultCrmCallPolicy,
    runtime: {
      adapterFor: () => {
        throw new Error('reconciliation reads through the feed only');
      },
      connectionFor: () => ({ crm: 'salesforce' as const, tenantId: tenant.tenantId, accessToken: 'x', instanceUrl: 'https://acme.my.salesforce.com' }),
      limiterFor: () => new RollingWindowLimiter(100, 10_000, clock),
    },
  });
  const claimAll = () => store.claimEvents('w', 100, new Date(clock.time).toISOString(), new Date(clock.time + 60_000).toISOString());

  beforeEach(async () => {
    store = await openStore(':memory:');
    clock = new ManualClock(Date.parse('2026-11-02T10:00:00Z'));
    record = { ...tenant, name: 'Org', active: true, credentials: '', instanceUrl: null, installedAt, updatedAt: installedAt };
    await store.upsertTenant(record);
    const known: Decision[] = ['00Q1', '00Q2'].map((recordId) => decision({ ...tenant, recordId }));
    await store.commitDecisions(tenant, known.map((d) => ({ decision: d, writtenFields: [] })), {}, []);
    asked.length = 0;
  });
  afterEach(async () => store.close());

  it('reads from the install up to now on its own cursor, and enqueues a privacy deletion for each deleted record Accord decided', async () => {
    deleted = [
      { recordId: '00Q1', deletedAt: '2026-11-02T09:20:00.000Z' },
      { recordId: '00Q9', deletedAt: '2026-11-02T09:21:00.000Z' },
    ];
    coveredUntil = '2026-11-02T09:59:00.000Z';
    const result = await reconcileTenant(deps(), feed, record, 1000);
    expect(asked).toEqual([{ since: installedAt, until: '2026-11-02T10:00:00.000Z' }]);
    expect(result.deletions).toEqual({ seen: 2, enqueued: 1, duplicates: 0, cursor: coveredUntil });
    expect(await store.getCursor(tenant, deletionCursorName)).toBe(coveredUntil);
    expect(await store.getCursor(tenant, reconcileCursorName)).toBe(installedAt);
    const rows = await claimAll();
    expect(rows.map((row) => row.event)).toEqual([
      {
        crm: 'salesforce',
        tenantId: tenant.tenantId,
        recordId: '00Q1',
        kind: 'privacy_deletion',
        changedFields: [],
        occurredAt: '2026-11-02T09:20:00.000Z',
        dedupeKey: `salesforce:${tenant.tenantId}:deleted:00Q1:2026-11-02T09:20:00.000Z`,
        ownWrite: false,
      },
    ]);
  });

  it('continues from where the CRM said it covered; a deletion listed twice is one event; the cursor never goes back', async () => {
    deleted = [{ recordId: '00Q2', deletedAt: '2026-11-02T09:58:30.000Z' }];
    coveredUntil = '2026-11-02T09:58:00.000Z';
    await reconcileTenant(deps(), feed, record, 1000);
    clock.time += 60_000;
    coveredUntil = '2026-11-02T09:57:00.000Z';
    const again = await reconcileTenant(deps(), feed, record, 1000);
    expect(asked.map((a) => a.since)).toEqual([installedAt, '2026-11-02T09:58:00.000Z']);
    expect(again.deletions).toEqual({ seen: 1, enqueued: 0, duplicates: 1, cursor: '2026-11-02T09:58:00.000Z' });
    expect(await claimAll()).toHaveLength(1);
  });

  it('leaves deletions to the webhooks of a CRM whose feed has no delete log', async () => {
    const changesOnly: ChangeFeed = { listChangedSince: async () => ({ changes: [], more: false }) };
    expect((await reconcileTenant(deps(), changesOnly, record, 1000)).deletions).toBeNull();
    expect(await store.getCursor(tenant, deletionCursorName)).toBeNull();
  });
});
