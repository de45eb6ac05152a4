import type { Logger } from 'pino';
import type { Store } from '../store/store';
import { callCrm } from '../pipeline/call-crm';
import type { Clock } from '../pipeline/clock';
import { syncOwners } from '../pipeline/sync-owners';
import type { CrmRuntime } from '../pipeline/tenant-runtime';
import type { JobSpec } from './schedule-job';

/** Keeps every active tenant's owner list current, so routing skips people who left. */
export function ownerSyncJob(deps: { store: Store; runtime: CrmRuntime; clock: Clock; logger: Logger }, cronExpression: string): JobSpec {
  return {
    name: 'owner-sync',
    cron: cronExpression,
    maxRunMs: 10 * 60 * 1000,
    async run() {
      for (const tenant of await deps.store.listTenants()) {
        if (!tenant.active) continue;
        const ref = { crm: tenant.crm, tenantId: tenant.tenantId };
        const adapter = deps.runtime.adapterFor(tenant.crm);
        const connection = deps.runtime.connectionFor(tenant);
        const limiter = deps.runtime.limiterFor(ref);
        const owners = await syncOwners(
          deps.store,
          ref,
          (label, request) => callCrm(limiter, deps.clock, label, request),
          () => adapter.listOwners(connection),
          new Date(deps.clock.now()).toISOString(),
          true,
        );
        deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, owners: owners.length }, 'owners synced');
      }
    },
  };
}
