import { CrmRateLimitedError, CrmUnavailableError } from '../core/crm-adapter';
import type { InboxRow } from '../store/store';
import { groupBy } from './group-by';
import { processTenantEvents, type RowOutcomes, type TenantBatchDeps } from './process-tenant-events';

export interface WorkerSettings {
  workerId: string;
  batchSize: number;
  maxAttempts: number;
  leaseMs: number;
}

export interface PassResult {
  claimed: number;
  done: number;
  retried: number;
  deadLettered: number;
}

/** Exponential backoff for events whose CRM call failed: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 600_000);
}

function describe(error: unknown): { reason: string; retryable: boolean } {
  if (error instanceof CrmRateLimitedError) return { reason: `rate limited: ${error.message}`, retryable: true };
  if (error instanceof CrmUnavailableError) return { reason: `CRM unavailable: ${error.message}`, retryable: true };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: message, retryable: true };
}

/** One worker pass: claim due events, process each tenant's share, then ack / retry / dead-letter every row. */
export async function processInboxOnce(deps: TenantBatchDeps, settings: WorkerSettings): Promise<PassResult> {
  const { store, clock, logger, stats } = deps;
  const now = clock.now();
  const rows = await store.claimEvents(settings.workerId, settings.batchSize, new Date(now).toISOString(), new Date(now + settings.leaseMs).toISOString());
  const result: PassResult = { claimed: rows.length, done: 0, retried: 0, deadLettered: 0 };
  if (rows.length === 0) return result;

  const byTenant = groupBy(rows, (r) => `${r.event.crm}:${r.event.tenantId}`);
  for (const tenantRows of byTenant.values()) {
    const first = tenantRows[0] as InboxRow;
    const ref = { crm: first.event.crm, tenantId: first.event.tenantId };
    let outcomes: RowOutcomes;
    const tenant = await store.getTenant(ref);
    if (!tenant || !tenant.active) {
      outcomes = { done: [], failed: [{ ids: tenantRows.map((r) => r.id), reason: `${ref.crm} account ${ref.tenantId} is not installed or was uninstalled`, retryable: false }] };
    } else {
      try {
        outcomes = await processTenantEvents(deps, tenant, tenantRows);
      } catch (error) {
        const { reason, retryable } = describe(error);
        logger.warn({ tenant: ref.tenantId, crm: ref.crm, err: reason, events: tenantRows.length }, 'tenant batch failed; events go back to the inbox');
        outcomes = { done: [], failed: [{ ids: tenantRows.map((r) => r.id), reason, retryable }] };
      }
    }

    if (outcomes.done.length > 0) await store.ackEvents(outcomes.done);
    result.done += outcomes.done.length;
    stats.eventsProcessed += outcomes.done.length;

    const attemptsOf = new Map(tenantRows.map((r) => [r.id, r.attempts]));
    const nowIso = new Date(clock.now()).toISOString();
    for (const failure of outcomes.failed) {
      const exhausted = failure.ids.filter((id) => !failure.retryable || (attemptsOf.get(id) ?? 0) + 1 >= settings.maxAttempts);
      const again = failure.ids.filter((id) => !exhausted.includes(id));
      if (exhausted.length > 0) {
        await store.deadLetterEvents(exhausted, failure.reason, nowIso);
        result.deadLettered += exhausted.length;
        stats.deadLettered += exhausted.length;
      }
      for (const id of again) {
        const attempts = (attemptsOf.get(id) ?? 0) + 1;
        await store.retryEvents([id], new Date(clock.now() + retryDelayMs(attempts)).toISOString(), failure.reason);
      }
      result.retried += again.length;
      stats.retried += again.length;
    }
  }
  return result;
}
