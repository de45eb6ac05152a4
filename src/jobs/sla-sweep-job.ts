import { sweepTenantSlas, type SlaSweepDeps, type SlaSweepResult } from '../pipeline/sweep-tenant-slas';
import type { JobSpec } from './schedule-job';

/** Sweeps every active tenant; one tenant's failure (its CRM down) does not stop the others. */
export async function sweepAllSlas(deps: SlaSweepDeps): Promise<SlaSweepResult[]> {
  const results: SlaSweepResult[] = [];
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    try {
      const result = await sweepTenantSlas(deps, tenant);
      results.push(result);
      if (result.written > 0) deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, open: result.open, written: result.written, escalated: result.escalated }, 'SLA sweep');
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'SLA sweep failed; the next minute retries');
    }
  }
  return results;
}

/** Every minute: SLA states onto the records, breaches escalated. */
export function slaSweepJob(deps: SlaSweepDeps, cronExpression = '* * * * *'): JobSpec {
  return {
    name: 'sla-sweep',
    cron: cronExpression,
    maxRunMs: 5 * 60 * 1000,
    async run() {
      await sweepAllSlas(deps);
    },
  };
}
