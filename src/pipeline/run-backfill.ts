import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { CrmEvent } from '../core/crm-event';
import type { TenantRef } from '../core/lead';
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

/** A queued backfill of the tenant's live version (publishing creates one; so does `accord backfill`). */
export async function createBackfill(store: Store, tenant: TenantRef, now: string): Promise<BackfillRecord> {
  const published = await store.getPublishedDefinition(tenant);
  const version = published?.version ?? 0;
  const backfill: BackfillRecord = {
    id: `bf_${version}_${randomBytes(9).toString('base64url')}`,
    definitionVersion: version,
    status: 'queued',
    total: 0,
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
 * rerun never queues a record twice). The worker then reads, decides and writes them in batches, at
 * the same rate limit as everything else; progress is how many of those events left the inbox.
 */
export async function runBackfill(deps: BackfillDeps, tenant: TenantRef, backfillId: string): Promise<BackfillRecord> {
  const { store, runtime, clock } = deps;
  const startedAt = new Date(clock.now()).toISOString();
  await store.updateBackfill(tenant, backfillId, { status: 'running', startedAt });
  let total = 0;
  try {
    const record = await store.getTenant(tenant);
    if (!record || !record.active) throw new Error(`${tenant.crm} account ${tenant.tenantId} is not installed`);
    const adapter = runtime.adapterFor(tenant.crm);
    if (!adapter.listRecordIds) throw new Error(`the ${tenant.crm} adapter cannot list records`);
    const list = adapter.listRecordIds.bind(adapter);
    const limiter = runtime.limiterFor(tenant);
    let after: string | null = null;
    do {
      const cursor: string | null = after;
      // The connection is resolved per page: a long run outlives a 30-minute access token.
      const page: { ids: string[]; after: string | null } = await callCrm(limiter, clock, 'listRecordIds', () => list(runtime.connectionFor(record), cursor));
      const now = new Date(clock.now()).toISOString();
      const events: CrmEvent[] = page.ids.map((recordId) => ({
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
      await store.updateBackfill(tenant, backfillId, { total });
      after = page.after;
    } while (after !== null);
    await store.updateBackfill(tenant, backfillId, { enqueueDone: true });
    deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, backfillId, total }, 'backfill enqueued');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ crm: tenant.crm, tenant: tenant.tenantId, backfillId, err: message }, 'backfill failed');
    await store.updateBackfill(tenant, backfillId, { status: 'failed', error: message, finishedAt: new Date(clock.now()).toISOString() });
  }
  const done = await store.getBackfill(tenant, backfillId);
  if (!done) throw new Error(`backfill ${backfillId} vanished`);
  return done;
}
