import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CrmEvent } from '../core/crm-event';
import type { TenantRef } from '../core/lead';
import { settledBySales } from '../core/settled-by-sales';
import type { BackfillRecord } from '../store/crm-api-records';
import type { Store } from '../store/store';
import { callCrm } from './call-crm';
import type { Clock } from './clock';
import type { CrmRuntime } from './tenant-runtime';

export interface BackfillDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
}

/**
 * One runner per backfill, across instances: it holds a lease named after the backfill and renews it
 * every page. A runner that died (kill -9, a lost instance) stops renewing; once the lease lapses the
 * queued-backfills job resumes the backfill (its dedupe keys make the re-listing queue nothing twice).
 */
export const backfillLeaseMs = 2 * 60_000;

const leaseName = (tenant: TenantRef, backfillId: string) => `backfill:${tenant.crm}:${tenant.tenantId}:${backfillId}`;

/** `[A-Za-z0-9_-]`, as the CRM API's backfill ids are checked. */
export function newBackfillId(): string {
  return `bf_${randomBytes(12).toString('base64url')}`;
}

/** A queued backfill of the tenant's live version (`accord backfill`; publishing queues its own with the version). */
export async function createBackfill(store: Store, tenant: TenantRef, now: string): Promise<BackfillRecord> {
  const published = await store.getPublishedDefinition(tenant);
  const version = published?.version ?? 0;
  const backfill: BackfillRecord = {
    id: `bf_${version}_${randomBytes(9).toString('base64url')}`,
    definitionVersion: version,
    status: 'queued',
    total: 0,
    skipped: 0,
    enqueueDone: false,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    error: null,
  };
  await store.createBackfill(tenant, backfill);
  return backfill;
}

/**
 * Re-scores every open record of a tenant: pages through the CRM's record ids inside the tenant's
 * rate limit and enqueues a `changed` event per record (dedupe key `backfill:<id>:<recordId>`, so a
 * rerun never queues a record twice). Records sales already accepted or rejected are counted as
 * skipped, not queued. The worker then reads, decides and writes the queued ones in batches, at the
 * same rate limit as everything else; progress is how many of those events left the inbox.
 */
export async function runBackfill(deps: BackfillDeps, tenant: TenantRef, backfillId: string): Promise<BackfillRecord> {
  const { store, runtime, clock } = deps;
  const holder = randomUUID();
  const lease = leaseName(tenant, backfillId);
  const holdLease = () => store.tryAcquireLease(lease, holder, new Date(clock.now()).toISOString(), new Date(clock.now() + backfillLeaseMs).toISOString());
  // Another runner is alive (the page's start raced the minutely job, or another instance has it): leave it to that one.
  if (!(await holdLease())) return current(store, tenant, backfillId);
  const before = await current(store, tenant, backfillId);
  await store.updateBackfill(tenant, backfillId, { status: 'running', startedAt: before.startedAt ?? new Date(clock.now()).toISOString() });
  let total = 0;
  let skipped = 0;
  try {
    const record = await store.getTenant(tenant);
    if (!record || !record.active) throw new Error(`${tenant.crm} account ${tenant.tenantId} is not installed`);
    const adapter = runtime.adapterFor(tenant.crm);
    if (!adapter.listRecordIds) throw new Error(`the ${tenant.crm} adapter cannot list records`);
    const list = adapter.listRecordIds.bind(adapter);
    const limiter = runtime.limiterFor(tenant);
    let after: string | null = null;
    do {
      // Renewed per page; lost only if this runner stalled past the lease and another took over.
      if (!(await holdLease())) return current(store, tenant, backfillId);
      const cursor: string | null = after;
      // The connection is resolved per page: a long run outlives a 30-minute access token.
      const page: { ids: string[]; after: string | null } = await callCrm(limiter, clock, 'listRecordIds', () => list(runtime.connectionFor(record), cursor));
      const latest = await store.getLatestDecisions(tenant, page.ids);
      const open = page.ids.filter((recordId) => {
        const decision = latest.get(recordId);
        return decision === undefined || !settledBySales(decision);
      });
      const now = new Date(clock.now()).toISOString();
      const events: CrmEvent[] = open.map((recordId) => ({
        ...tenant,
        recordId,
        kind: 'changed',
        changedFields: [],
        occurredAt: now,
        dedupeKey: `backfill:${backfillId}:${recordId}`,
        ownWrite: false,
      }));
      if (events.length > 0) await store.enqueueEvents(events, now);
      total += events.length;
      skipped += page.ids.length - open.length;
      await store.updateBackfill(tenant, backfillId, { total, skipped });
      after = page.after;
    } while (after !== null);
    await store.updateBackfill(tenant, backfillId, { enqueueDone: true });
    deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, backfillId, total, skipped }, 'backfill enqueued');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ crm: tenant.crm, tenant: tenant.tenantId, backfillId, err: message }, 'backfill failed');
    await store.updateBackfill(tenant, backfillId, { status: 'failed', error: message, finishedAt: new Date(clock.now()).toISOString() });
  }
  await store.releaseLease(lease, holder);
  return current(store, tenant, backfillId);
}

async function current(store: Store, tenant: TenantRef, backfillId: string): Promise<BackfillRecord> {
  const record = await store.getBackfill(tenant, backfillId);
  if (!record) throw new Error(`backfill ${backfillId} vanished`);
  return record;
}

/**
 * Runs every backfill still queued (published from the command line, or left by an instance that
 * stopped before starting it) and resumes those whose runner died mid-listing. A second run of one
 * backfill queues nothing twice: its dedupe keys are per backfill and record. Returns the ids it ran.
 */
export async function runQueuedBackfills(deps: BackfillDeps): Promise<string[]> {
  const ran: string[] = [];
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
    // Oldest first: versions are re-scored in the order they were published. A running one whose
    // listing never finished is resumed when its runner's lease has lapsed, skipped while it is held.
    const waiting = (await deps.store.listBackfills(ref)).filter((b) => b.status === 'queued' || (b.status === 'running' && !b.enqueueDone)).reverse();
    for (const backfill of waiting) {
      const after = await runBackfill(deps, ref, backfill.id);
      if (after.enqueueDone || after.status === 'failed') ran.push(backfill.id);
    }
  }
  return ran;
}
