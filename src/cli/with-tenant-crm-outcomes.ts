import { CrmOutcomeSourceError, readCrmOutcomeRows, type CrmOutcomeRow } from '../calibration-io/crm-outcome-rows';
import { InputError } from '../calibration-io/input-error';
import type { OutcomeRules } from '../core/crm-adapter';
import type { TenantRef } from '../core/lead';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { startAccord } from '../main';
import { systemClock } from '../pipeline/clock';
import type { Store } from '../store/store';

export interface TenantCrmOutcomes {
  rows: CrmOutcomeRow[];
  /** The running instance's store: the tenant's definitions, owners, and where a draft is saved. */
  store: Store;
}

/**
 * Reads a tenant's outcomes from its CRM the way `accord backfill` reaches a CRM: this instance's
 * configuration (DATABASE_URL, the CRM credentials or the tenant's stored OAuth tokens) and the
 * tenant's rate limit; then runs `body` while the store is still open. Logs go to stderr, so
 * `--json` output stays clean.
 */
export async function withTenantCrmOutcomes<T>(tenant: TenantRef, rules: OutcomeRules, body: (source: TenantCrmOutcomes) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const accord = await startAccord({ config: { ...config, PORT: 0 }, jobs: false, logger: createLogger('warn', process.stderr) });
  try {
    let rows: CrmOutcomeRow[];
    try {
      rows = await readCrmOutcomeRows({ store: accord.store, runtime: accord.runtime, clock: systemClock }, tenant, rules, (n) => {
        if (process.stderr.isTTY) process.stderr.write(`\rReading outcomes from ${tenant.crm}: ${n}`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
    } catch (error) {
      const message = (error as Error).message;
      // A tenant this instance does not know or cannot reach is the caller's mistake, not a crash.
      if (error instanceof CrmOutcomeSourceError || /is not configured on this instance|no credentials for/.test(message)) {
        throw new InputError(`--tenant ${tenant.crm}:${tenant.tenantId}: ${message}`);
      }
      throw error;
    }
    if (rows.length === 0) throw new InputError(`--tenant ${tenant.crm}:${tenant.tenantId}: the CRM holds no leads with a known outcome yet`);
    return await body({ rows, store: accord.store });
  } finally {
    await accord.stop();
  }
}
