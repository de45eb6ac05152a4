import type { Logger } from 'pino';
import type { CrmKind } from '../core/lead';
import type { ChangeFeed } from '../pipeline/change-feed';
import type { Clock } from '../pipeline/clock';
import { reconcileTenant, type ReconcileResult } from '../pipeline/reconcile-tenant';
import type { CrmRuntime } from '../pipeline/tenant-runtime';
import type { Store } from '../store/store';
import type { JobSpec } from './schedule-job';

/** Records one poll reads per tenant; a larger backlog drains over the next runs. */
export const reconcileMaxRecords = 10_000;

export interface ReconcileJobDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
  /** The CRMs whose notifications can be lost, with how to ask them what changed. */
  feeds: ReadonlyMap<CrmKind, ChangeFeed>;
}

/** Polls every active tenant of a CRM with a change feed; one tenant's failure does not stop the others. */
export async function reconcileAll(deps: ReconcileJobDeps): Promise<ReconcileResult[]> {
  const results: ReconcileResult[] = [];
  for (const [crm, feed] of deps.feeds) {
    for (const tenant of await deps.store.listTenants(crm)) {
      if (!tenant.active) continue;
      try {
        const result = await reconcileTenant(deps, feed, tenant, reconcileMaxRecords);
        results.push(result);
        deps.logger.info({ crm, tenant: tenant.tenantId, seen: result.seen, enqueued: result.enqueued, more: result.more, deleted: result.deletions?.seen, purges: result.deletions?.enqueued }, 'reconciled');
      } catch (error) {
        deps.logger.warn({ crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'reconciliation failed; the next run retries');
      }
    }
  }
  return results;
}

export function reconcileJob(deps: ReconcileJobDeps, cronExpression: string): JobSpec {
  return {
    name: 'reconcile',
    cron: cronExpression,
    maxRunMs: 10 * 60 * 1000,
    async run() {
      await reconcileAll(deps);
    },
  };
}
