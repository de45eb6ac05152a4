import { CrmRateLimitedError, CrmUnavailableError } from '../core/crm-adapter';
import { chunk } from '../core/chunk';
import type { InboxRow, Store } from '../store/store';
import { groupBy } from './group-by';
import { processTenantEvents, type RowOutcomes, type TenantBatchDeps } from './process-tenant-events';
import { yieldToEventLoop } from './yield-to-event-loop';

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

// Rows per claim or ack statement. A pass still takes up to `batchSize` rows (coalescing needs them
// together), but in slices of a few milliseconds each, with webhook acks let in between.
const rowsPerStatement = 250;

/** Exponential backoff for events whose CRM call failed: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 600_000);
}

function describe(error: unknown): { reason: string; retryable: boolean; retryAfterMs?: number } {
  if (error instanceof CrmRateLimitedError) return { reason: `rate limited: ${error.message}`, retryable: true, retryAfterMs: error.retryAfterMs };
  if (error instanceof CrmUnavailableError) return { reason: `CRM unavailable: ${error.message}`, retryable: true };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: message, retryable: true };
}

/** One worker pass: claim due events, process each tenant's share, then ack / retry / dead-letter every row. */
export async function processInboxOnce(deps: TenantBatchDeps, settings: WorkerSettings): Promise<PassResult> {
  const { store, clock, logger, stats } = deps;
  const now = clock.now();
  const rows = await claimInSlices(store, settings, new Date(now).toISOString(), new Date(now + settings.leaseMs).toISOString());
  const result: PassResult = { claimed: rows.length, done: 0, retried: 0, deadLettered: 0 };
  if (rows.length === 0) return result;

  const byTenant = groupBy(rows, (r) => `${r.event.crm}:${r.event.tenantId}`);
  for (const tenantRows of byTenant.values()) {
    // Each store call below finishes synchronously (SQLite): let waiting webhook acks in between.
    await yieldToEventLoop();
    const first = tenantRows[0] as InboxRow;
    const ref = { crm: first.event.crm, tenantId: first.event.tenantId };
    let outcomes: RowOutcomes;
    const tenant = await store.getTenant(ref);
    // A CRM that said "come back in an hour" (Salesforce's daily allocation) is not called before then;
    // waiting for it here would hold up every other tenant's events.
    const pausedMs = tenant?.active ? deps.runtime.limiterFor(ref).pausedForMs() : 0;
    if (!tenant || !tenant.active) {
      outcomes = { done: [], failed: [{ ids: tenantRows.map((r) => r.id), reason: `${ref.crm} account ${ref.tenantId} is not installed or was uninstalled`, retryable: false }] };
    } else if (pausedMs > deps.callPolicy.rateLimitBudgetMs) {
      outcomes = { done: [], failed: [{ ids: tenantRows.map((r) => r.id), reason: `rate limited: ${ref.crm} asked for a pause of ${Math.ceil(pausedMs / 1000)} s`, retryable: true, retryAfterMs: pausedMs }] };
    } else {
      try {
        outcomes = await processTenantEvents(deps, tenant, tenantRows);
      } catch (error) {
        const { reason, retryable, retryAfterMs } = describe(error);
        logger.warn({ tenant: ref.tenantId, crm: ref.crm, err: reason, events: tenantRows.length }, 'tenant batch failed; events go back to the inbox');
        outcomes = { done: [], failed: [{ ids: tenantRows.map((r) => r.id), reason, retryable, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }] };
      }
    }

    for (const ids of chunk(outcomes.done, rowsPerStatement)) {
      await yieldToEventLoop();
      await store.ackEvents(ids);
    }
    result.done += outcomes.done.length;
    stats.eventsProcessed += outcomes.done.length;

    const attemptsOf = new Map(tenantRows.map((r) => [r.id, r.attempts]));
    const nowIso = new Date(clock.now()).toISOString();
    for (const failure of outcomes.failed) {
      // Waiting out a rate limit is not a failed attempt at the event: it never sends one to the dead letters.
      const rateLimited = failure.retryAfterMs !== undefined;
      const exhausted = failure.ids.filter((id) => !failure.retryable || (!rateLimited && (attemptsOf.get(id) ?? 0) + 1 >= settings.maxAttempts));
      const again = failure.ids.filter((id) => !exhausted.includes(id));
      if (exhausted.length > 0) {
        await store.deadLetterEvents(exhausted, failure.reason, nowIso);
        result.deadLettered += exhausted.length;
        stats.deadLettered += exhausted.length;
      }
      for (const id of again) {
        const attempts = (attemptsOf.get(id) ?? 0) + 1;
        const delayMs = failure.retryAfterMs ?? retryDelayMs(attempts);
        await store.retryEvents([id], new Date(clock.now() + delayMs).toISOString(), failure.reason);
      }
      result.retried += again.length;
      stats.retried += again.length;
    }
  }
  return result;
}

async function claimInSlices(store: Store, settings: WorkerSettings, now: string, leaseUntil: string): Promise<InboxRow[]> {
  const rows: InboxRow[] = [];
  while (rows.length < settings.batchSize) {
    const limit = Math.min(rowsPerStatement, settings.batchSize - rows.length);
    const slice = await store.claimEvents(settings.workerId, limit, now, leaseUntil);
    rows.push(...slice);
    if (slice.length < limit) break;
    await yieldToEventLoop();
  }
  // A later slice can hold older rows (a retry that came due): keep the pass in inbox order.
  return rows.sort((a, b) => a.id - b.id);
}
