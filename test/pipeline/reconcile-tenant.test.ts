import { accordFieldsOf } from '../../src/core/accord-field-changes';
import type { TenantConnection } from '../../src/core/crm-adapter';
import type { Decision } from '../../src/core/decision';
import type { Lead } from '../../src/core/lead';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import type { ChangeFeed, ChangedRecord } from '../../src/pipeline/change-feed';
import { reconcileCursorName, reconcileOverlapMs, reconcileTenant } from '../../src/pipeline/reconcile-tenant';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { openStore } from '../../src/store/open-store';
import type { Store, TenantRecord } from '../../src/store/store';
import { makeLead } from '../core/make-lead';
import { ManualClock } from '../support/manual-clock';

const tenant = { crm: 'salesforce' as const, tenantId: '00D5e0000000AccEAE' };
const installedAt = '2026-11-02T09:00:00.000Z';

function decisionFor(lead: Lead): Decision {
  return {
    crm: 'salesforce', tenantId: tenant.tenantId, recordId: lead.recordId, score: 40, fitScore: 30, intentScore: 10, stage: 'mql', ownerId: null, routing: null,
    autoAccepted: false, reasons: [], disqualifiedBy: [], missingFields: [], why: 'Marketing qualified (score 40/100).', definitionVersion: 1, slaTier: null,
    slaDueAt: null, routedAt: null, decidedAt: installedAt, inputDigest: lead.inputDigest,
  };
}

/** A lead as the CRM holds it after Accord wrote `decision` on it. */
function written(lead: Lead, decision: Decision): Lead {
  return { ...lead, accord: accordFieldsOf(decision) };
}

describe('reconcileTenant', () => {
  let store: Store;
  let clock: ManualClock;
  let record: TenantRecord;
  const asked: string[] = [];
  let changes: ChangedRecord[] = [];
  const feed: ChangeFeed = {
    async listChangedSince(_connection: TenantConnection, since: string) {
      asked.push(since);
      return { changes, more: false };
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
  const lead = (id: string, digest: string) => makeLead({ crm: 'salesforce', tenantId: tenant.tenantId, recordId: id, inputDigest: digest });

  beforeEach(async () => {
    store = await openStore(':memory:');
    clock = new ManualClock(Date.parse('2026-11-02T10:00:00Z'));
    record = { ...tenant, name: 'Org', active: true, credentials: '', instanceUrl: null, installedAt, updatedAt: installedAt };
    await store.upsertTenant(record);
    asked.length = 0;
  });
  afterEach(async () => store.close());

  it('starts from the install, looking back a little, and moves the cursor to the newest change seen', async () => {
    changes = [{ lead: lead('00Q1', 'd1'), modifiedAt: '2026-11-02T09:30:00.000Z' }, { lead: lead('00Q2', 'd2'), modifiedAt: '2026-11-02T09:45:00.000Z' }];
    const result = await reconcileTenant(deps(), feed, record, 1000);
    expect(asked).toEqual([new Date(Date.parse(installedAt) - reconcileOverlapMs).toISOString()]);
    expect(result).toMatchObject({ seen: 2, enqueued: 2, cursor: '2026-11-02T09:45:00.000Z', more: false });
    expect(await store.getCursor(tenant, reconcileCursorName)).toBe('2026-11-02T09:45:00.000Z');

    changes = [];
    await reconcileTenant(deps(), feed, record, 1000);
    expect(asked[1]).toBe(new Date(Date.parse('2026-11-02T09:45:00.000Z') - reconcileOverlapMs).toISOString());
  });

  it('enqueues one changed event per record state, which a later poll of the same state does not repeat', async () => {
    changes = [{ lead: lead('00Q1', 'd1'), modifiedAt: '2026-11-02T09:30:00.000Z' }];
    await reconcileTenant(deps(), feed, record, 1000);
    const [row] = await store.claimEvents('w', 10, new Date(clock.time).toISOString(), new Date(clock.time + 60_000).toISOString());
    expect(row?.event).toEqual({
      crm: 'salesforce',
      tenantId: tenant.tenantId,
      recordId: '00Q1',
      kind: 'changed',
      changedFields: [],
      occurredAt: '2026-11-02T09:30:00.000Z',
      dedupeKey: `salesforce:${tenant.tenantId}:reconcile:00Q1:2026-11-02T09:30:00.000Z`,
      ownWrite: false,
    });
    await store.ackEvents([row?.id ?? -1]);
    const again = await reconcileTenant(deps(), feed, record, 1000);
    expect(again).toMatchObject({ seen: 1, enqueued: 0, duplicates: 1 });
  });

  it("skips records that hold the latest decision's inputs and fields: Accord's own write-backs cost nothing", async () => {
    const upToDate = lead('00Q1', 'd1');
    const newInputs = lead('00Q2', 'd2-new');
    const fieldsCleared = lead('00Q3', 'd3');
    const decisions = [decisionFor(upToDate), { ...decisionFor(newInputs), inputDigest: 'd2-old' }, decisionFor(fieldsCleared)];
    await store.commitDecisions(tenant, decisions.map((decision) => ({ decision, writtenFields: ['score'] })), {}, []);
    changes = [
      { lead: written(upToDate, decisions[0] as Decision), modifiedAt: '2026-11-02T09:30:00.000Z' },
      { lead: written(newInputs, decisions[1] as Decision), modifiedAt: '2026-11-02T09:31:00.000Z' },
      // A rep cleared Accord's score: same inputs, but the record no longer says what Accord decided.
      { lead: written(fieldsCleared, { ...(decisions[2] as Decision), score: null as unknown as number }), modifiedAt: '2026-11-02T09:32:00.000Z' },
      { lead: lead('00Q4', 'd4'), modifiedAt: '2026-11-02T09:33:00.000Z' },
    ];
    const result = await reconcileTenant(deps(), feed, record, 1000);
    expect(result).toMatchObject({ seen: 4, enqueued: 3 });
    const rows = await store.claimEvents('w', 10, new Date(clock.time).toISOString(), new Date(clock.time + 60_000).toISOString());
    expect(rows.map((row) => row.event.recordId).sort()).toEqual(['00Q2', '00Q3', '00Q4']);
  });

  it('never moves the cursor back, and reports that the feed has more', async () => {
    await store.setCursor(tenant, reconcileCursorName, '2026-11-02T09:59:00.000Z', installedAt);
    changes = [{ lead: lead('00Q1', 'd1'), modifiedAt: '2026-11-02T09:58:30.000Z' }];
    const moreFeed: ChangeFeed = { listChangedSince: async () => ({ changes, more: true }) };
    const result = await reconcileTenant(deps(), moreFeed, record, 1);
    expect(result).toMatchObject({ cursor: '2026-11-02T09:59:00.000Z', more: true, enqueued: 1 });
  });
});
