import type { TenantRef } from '../../core/lead';
import type { BackfillRecord } from '../../store/crm-api-records';
import type { Store } from '../../store/store';

/**
 * A backfill's progress: records enqueued (total), of which decided (left the inbox without dying)
 * and failed (dead-lettered); changed counts those now decided under the new version; skipped those
 * left alone because sales already accepted or rejected them (not part of total). A run whose
 * every page was enqueued and whose events all left the inbox is done, and is recorded so.
 */
export async function backfillView(store: Store, tenant: TenantRef, backfill: BackfillRecord, now: string) {
  const { pending, failed } = await store.backfillQueueCounts(tenant, backfill.id);
  let record = backfill;
  if ((record.status === 'running' || record.status === 'queued') && record.enqueueDone && pending === 0) {
    const patch = { status: 'succeeded' as const, finishedAt: now, startedAt: record.startedAt ?? now };
    await store.updateBackfill(tenant, record.id, patch);
    record = { ...record, ...patch };
  }
  const processed = Math.max(0, record.total - pending - failed);
  const since = Date.parse(record.createdAt);
  const redecided = (await store.listCurrentDecisions(tenant)).filter(
    (d) => d.definitionVersion === record.definitionVersion && Date.parse(d.decidedAt) >= since,
  ).length;
  return {
    id: record.id,
    definitionVersion: record.definitionVersion,
    status: record.status,
    total: record.total,
    processed,
    changed: Math.min(processed, redecided),
    failed,
    skipped: record.skipped,
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    error: record.status === 'failed' ? record.error : null,
  };
}
