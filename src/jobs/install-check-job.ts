import type { Logger } from 'pino';
import type { CrmKind, TenantRef } from '../core/lead';
import type { GrantCheck } from '../server/oauth/grant-check';
import type { Store } from '../store/store';
import type { JobSpec } from './schedule-job';

export interface InstallCheckDeps {
  store: Store;
  logger: Logger;
  /** Per CRM, how to check one tenant's OAuth grant (and deactivate it when gone). */
  checks: Partial<Record<CrmKind, (tenant: TenantRef) => Promise<GrantCheck>>>;
}

export interface InstallCheckResult {
  checked: number;
  revoked: TenantRef[];
  unknown: number;
}

/**
 * Every active OAuth installation's grant, checked: an account that uninstalled Accord while sending
 * no traffic is deactivated now, not on its next event. One tenant's failure never stops the others.
 */
export async function checkInstalls(deps: InstallCheckDeps): Promise<InstallCheckResult> {
  const result: InstallCheckResult = { checked: 0, revoked: [], unknown: 0 };
  for (const tenant of await deps.store.listTenants()) {
    const check = deps.checks[tenant.crm];
    if (!tenant.active || !check) continue;
    const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
    let outcome: GrantCheck;
    try {
      outcome = await check(ref);
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'install check failed');
      outcome = 'unknown';
    }
    if (outcome === 'not-oauth') continue;
    result.checked += 1;
    if (outcome === 'revoked') result.revoked.push(ref);
    if (outcome === 'unknown') result.unknown += 1;
  }
  if (result.checked > 0) deps.logger.info({ checked: result.checked, revoked: result.revoked.length, unknown: result.unknown }, 'installs checked');
  return result;
}

/** Hourly: uninstalls are found within the hour even for accounts that send nothing. */
export function installCheckJob(deps: InstallCheckDeps, cronExpression = '41 * * * *'): JobSpec {
  return {
    name: 'install-check',
    cron: cronExpression,
    maxRunMs: 30 * 60 * 1000,
    async run() {
      await checkInstalls(deps);
    },
  };
}
