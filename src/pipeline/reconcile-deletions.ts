import { chunk } from '../core/chunk';
import type { CrmEvent } from '../core/crm-event';
import type { TenantRef } from '../core/lead';
import type { TenantRecord } from '../store/store';
import { callCrm, defaultCrmCallPolicy } from './call-crm';
import type { ChangeFeed, DeletedRecord } from './change-feed';
import type { ReconcileDeps } from './reconcile-tenant';

/** Its own cursor: the delete log and the change feed move at different paces. */
export const deletionCursorName = 'reconcile-deleted';

export interface DeletionReconcileResult {
  /** Records the CRM reported deleted since the cursor. */
  seen: number;
  /** Of those, the ones Accord holds a decision about: a privacy deletion put in the inbox for each. */
  enqueued: number;
  duplicates: number;
  cursor: string;
}

/**
 * A CRM delete (or merge) must purge what Accord stored about the person, as HubSpot's
 * `contact.privacyDeletion` does; Salesforce sends nothing on delete, so reconciliation reads its
 * delete log and feeds a `privacy_deletion` event per known record to the worker, which purges it and
 * keeps an audit entry without personal data. Records Accord never decided are left alone.
 */
export async function reconcileDeletions(
  deps: ReconcileDeps,
  listDeletedSince: NonNullable<ChangeFeed['listDeletedSince']>,
  tenant: TenantRecord,
): Promise<DeletionReconcileResult> {
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const stored = await deps.store.getCursor(ref, deletionCursorName);
  const cursor = stored ?? tenant.installedAt;
  const nowIso = new Date(deps.clock.now()).toISOString();
  const connection = deps.runtime.connectionFor(tenant);
  const { deleted, coveredUntil } = await callCrm(
    deps.runtime.limiterFor(ref),
    deps.clock,
    'listDeletedSince',
    () => listDeletedSince(connection, cursor, nowIso),
    deps.callPolicy ?? defaultCrmCallPolicy,
  );
  const known = new Set<string>();
  for (const ids of chunk([...new Set(deleted.map((d) => d.recordId))], 500)) {
    for (const recordId of (await deps.store.getLatestDecisions(ref, ids)).keys()) known.add(recordId);
  }
  const events = deleted.filter((d) => known.has(d.recordId)).map((d) => toEvent(ref, d));
  const { inserted, duplicates } = events.length > 0 ? await deps.store.enqueueEvents(events, nowIso) : { inserted: 0, duplicates: 0 };
  const next = Date.parse(coveredUntil) > Date.parse(cursor) ? coveredUntil : cursor;
  if (next !== stored) await deps.store.setCursor(ref, deletionCursorName, next, nowIso);
  return { seen: deleted.length, enqueued: inserted, duplicates, cursor: next };
}

function toEvent(ref: TenantRef, deleted: DeletedRecord): CrmEvent {
  return {
    crm: ref.crm,
    tenantId: ref.tenantId,
    recordId: deleted.recordId,
    kind: 'privacy_deletion',
    changedFields: [],
    occurredAt: deleted.deletedAt,
    // The delete log may list a deletion on two reads (its last minute is covered again): one event per deletion.
    dedupeKey: `${ref.crm}:${ref.tenantId}:deleted:${deleted.recordId}:${deleted.deletedAt}`,
    ownWrite: false,
  };
}
