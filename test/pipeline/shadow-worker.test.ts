import pino from 'pino';
import type { CrmEvent } from '../../src/core/crm-event';
import { defaultDefinition } from '../../src/core/default-definition';
import type { Definition } from '../../src/core/definition';
import { defaultCrmCallPolicy } from '../../src/pipeline/call-crm';
import { processInboxOnce, type WorkerSettings } from '../../src/pipeline/process-inbox-once';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { startShadowRun } from '../../src/pipeline/start-shadow-run';
import { stopShadowRun } from '../../src/pipeline/stop-shadow-run';
import { emptyWorkerStats } from '../../src/pipeline/worker-stats';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { makeLead, signal } from '../core/make-lead';
import { ManualClock } from '../support/manual-clock';
import { MemoryCrmAdapter } from '../support/memory-crm-adapter';

const tenant = { crm: 'hubspot' as const, tenantId: 't1' };
const settings: WorkerSettings = { workerId: 'w1', batchSize: 1000, maxAttempts: 3, leaseMs: 60_000 };
/** Sales-ready only at 95 and no auto-accept: the default's sales-ready leads are MQLs here. */
const stricter: Definition = { ...defaultDefinition, name: 'Stricter', thresholds: { mql: 40, salesReady: 95 }, autoAccept: null };
let seq = 0;

function event(recordId: string): CrmEvent {
  seq += 1;
  return { ...tenant, recordId, kind: 'changed', changedFields: ['jobtitle'], occurredAt: new Date(1_700_000_000_000 + seq).toISOString(), dedupeKey: `s${seq}`, ownWrite: false };
}

interface World {
  store: Store;
  crm: MemoryCrmAdapter;
  clock: ManualClock;
  warnings: string[];
}

async function world(): Promise<World> {
  const store = await openStore(':memory:');
  const clock = new ManualClock(Date.parse('2026-11-02T10:00:00Z'));
  const now = new Date(clock.time).toISOString();
  await store.upsertTenant({ ...tenant, name: 'T1', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now });
  const live = await store.saveDraft(tenant, defaultDefinition, 'test', now);
  await store.publishDraft(tenant, live.id, 'test', now);
  const crm = new MemoryCrmAdapter();
  crm.owners = [{ id: 'o1', name: 'Maria Lopez', email: null, teams: ['East'], available: true }];
  const ready = { title: 'VP Sales', employees: 200, activity: [signal('demo_request', 1)] };
  for (const id of ['a', 'b', 'c']) crm.records.set(id, makeLead({ tenantId: 't1', recordId: id, ...ready }));
  crm.records.set('d', makeLead({ tenantId: 't1', recordId: 'd', title: 'Student', employees: 200 }));
  return { store, crm, clock, warnings: [] };
}

function deps(w: World) {
  const logger = pino({ level: 'warn' }, { write: (line: string) => void w.warnings.push(String(JSON.parse(line).msg)) });
  return {
    store: w.store,
    clock: w.clock,
    stats: emptyWorkerStats(),
    logger,
    callPolicy: { ...defaultCrmCallPolicy, transientRetries: 1, transientBackoffMs: 1 },
    runtime: {
      adapterFor: () => w.crm,
      connectionFor: () => ({ ...tenant, accessToken: 'x', instanceUrl: null }),
      limiterFor: () => new RollingWindowLimiter(110, 10_000, w.clock),
    },
  };
}

async function shadowStricter(w: World, days = 14) {
  const draft = await w.store.saveDraft(tenant, { ...stricter, version: 1 }, 'maria', new Date(w.clock.time).toISOString());
  return startShadowRun(w.store, tenant, { draftId: draft.id, days, startedBy: 'maria', actor: 'maria', now: new Date(w.clock.time) });
}

async function decideAll(w: World) {
  await w.store.enqueueEvents(['a', 'b', 'c', 'd'].map(event), new Date(w.clock.time).toISOString());
  return processInboxOnce(deps(w), settings);
}

describe('the worker with a shadow run', () => {
  let shadowed: World;
  let plain: World;
  beforeEach(async () => {
    [shadowed, plain] = [await world(), await world()];
  });
  afterEach(async () => {
    await shadowed.store.close();
    await plain.store.close();
  });

  it("stores the candidate's calls and changes nothing the live decisions write, route or audit", async () => {
    const run = await shadowStricter(shadowed);
    expect(await decideAll(shadowed)).toMatchObject({ claimed: 4, done: 4 });
    await decideAll(plain);

    // The CRM got exactly what it gets without a shadow run: the live definition's fields.
    expect(shadowed.crm.writes).toEqual(plain.crm.writes);
    expect(shadowed.crm.writes.map((w) => w.fields.stage)).toEqual(['sales_ready', 'sales_ready', 'sales_ready', 'disqualified']);
    expect(await shadowed.store.getRoutingState(tenant)).toEqual(await plain.store.getRoutingState(tenant));
    expect(await shadowed.store.listCurrentDecisions(tenant)).toEqual(await plain.store.listCurrentDecisions(tenant));
    const actions = async (w: World) => (await w.store.listAudit(tenant, 100)).map((e) => e.action).filter((a) => !a.startsWith('shadow.'));
    expect(await actions(shadowed)).toEqual(await actions(plain));

    const rows = await shadowed.store.listShadowDecisions(tenant, run.id);
    expect(rows.map((r) => [r.recordId, r.live.stage, r.candidate.stage])).toEqual([
      ['a', 'sales_ready', 'mql'],
      ['b', 'sales_ready', 'mql'],
      ['c', 'sales_ready', 'mql'],
      ['d', 'disqualified', 'disqualified'],
    ]);
    expect(rows[0]?.candidate.why).toMatch(/^Marketing qualified/);
    expect(rows[0]?.live.definitionVersion).toBe(1);
    expect(shadowed.warnings).toEqual([]);
  });

  it('reads the active run once per pass and the candidate once per run', async () => {
    await shadowStricter(shadowed);
    const active = jest.spyOn(shadowed.store, 'getActiveShadowRun');
    const definition = jest.spyOn(shadowed.store, 'getDefinition');
    await decideAll(shadowed);
    shadowed.crm.records.set('a', makeLead({ tenantId: 't1', recordId: 'a', title: 'Director', employees: 120 }));
    await decideAll(shadowed);
    expect(active).toHaveBeenCalledTimes(2);
    expect(definition).toHaveBeenCalledTimes(1);
  });

  it('records nothing once the run is stopped or over', async () => {
    const run = await shadowStricter(shadowed, 1);
    await stopShadowRun(shadowed.store, tenant, run.id, 'maria', new Date(shadowed.clock.time));
    await decideAll(shadowed);
    expect(await shadowed.store.listShadowDecisions(tenant, run.id)).toEqual([]);

    shadowed.clock.time += 60_000;
    const next = await shadowStricter(shadowed, 1);
    shadowed.clock.time += 86_400_000;
    await decideAll(shadowed);
    expect(await shadowed.store.listShadowDecisions(tenant, next.id)).toEqual([]);
  });

  it('never lets a shadow failure fail the live decisions', async () => {
    const run = await shadowStricter(shadowed);
    jest.spyOn(shadowed.store, 'saveShadowDecisions').mockRejectedValue(new Error('disk full'));
    expect(await decideAll(shadowed)).toMatchObject({ claimed: 4, done: 4, retried: 0, deadLettered: 0 });
    expect(shadowed.crm.writes).toHaveLength(4);
    expect(await shadowed.store.listCurrentDecisions(tenant)).toHaveLength(4);
    expect(await shadowed.store.listShadowDecisions(tenant, run.id)).toEqual([]);
    expect(shadowed.warnings).toEqual(['shadow decisions not recorded; live decisions unaffected']);
  });
});
