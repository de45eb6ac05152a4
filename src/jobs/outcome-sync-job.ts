import type { Logger } from 'pino';
import { syncTenantOutcomes, type OutcomeSyncDeps, type OutcomeSyncResult } from '../pipeline/sync-tenant-outcomes';
import type { JobSpec } from './schedule-job';

export interface OutcomeSyncJobDeps extends OutcomeSyncDeps {
  logger: Logger;
}

/** Syncs every active tenant whose CRM can list outcomes; one tenant's failure does not stop the others. */
export async function syncAllOutcomes(deps: OutcomeSyncJobDeps): Promise<OutcomeSyncResult[]> {
  const results: OutcomeSyncResult[] = [];
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    try {
      if (!deps.runtime.adapterFor(tenant.crm).listOutcomeLeads) continue;
      const result = await syncTenantOutcomes(deps, tenant);
      results.push(result);
      if (result.recorded > 0) deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, read: result.read, recorded: result.recorded }, 'outcomes synced');
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'outcome sync failed; the next run retries');
    }
  }
  return results;
}

/** Won and lost deals into the scoreboard's lead facts, from the changes since each tenant's last run. */
export function outcomeSyncJob(deps: OutcomeSyncJobDeps, cronExpression: string): JobSpec {
  return {
    name: 'outcome-sync',
    cron: cronExpression,
    maxRunMs: 30 * 60 * 1000,
    async run() {
      await syncAllOutcomes(deps);
    },
  };
}
