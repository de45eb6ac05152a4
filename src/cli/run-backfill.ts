import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import type { TenantRef } from '../core/lead';
import { startAccord } from '../main';
import { systemClock } from '../pipeline/clock';
import { createBackfill, runBackfill } from '../pipeline/run-backfill';
import { backfillView } from '../server/crm-api/backfill-view';
import { UsageError } from './usage-error';

function parseTenant(text: string): TenantRef {
  const match = /^(hubspot|salesforce):(\S+)$/.exec(text);
  if (!match?.[1] || !match[2]) throw new UsageError(`backfill: --tenant must be crm:id (hubspot:12345 or salesforce:00D…), got "${text}"`);
  return { crm: match[1] as TenantRef['crm'], tenantId: match[2] };
}

/**
 * `accord backfill [--tenant crm:id]`: re-scores every open record of each tenant (or one) under its
 * live definition, within the CRM's rate limit, and waits until the worker has decided them all.
 */
export async function runBackfillCommand(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { tenant: { type: 'string' } }, strict: true });
  const accord = await startAccord({ config: { ...config, PORT: 0 }, jobs: false });
  try {
    const tenants = values.tenant ? [parseTenant(values.tenant)] : accord.tenants;
    if (tenants.length === 0) {
      process.stdout.write('No tenant to backfill.\n');
      return 1;
    }
    let failed = false;
    for (const tenant of tenants) {
      const label = `${tenant.crm}:${tenant.tenantId}`;
      const now = () => new Date().toISOString();
      const created = await createBackfill(accord.store, tenant, now());
      const enqueued = await runBackfill({ store: accord.store, runtime: accord.runtime, clock: systemClock, logger: accord.logger }, tenant, created.id);
      for (;;) {
        const view = await backfillView(accord.store, tenant, enqueued.status === 'failed' ? enqueued : ((await accord.store.getBackfill(tenant, created.id)) ?? enqueued), now());
        process.stdout.write(`${label} ${view.id}: ${view.status}, ${view.processed}/${view.total} decided, ${view.failed} failed\n`);
        if (view.status === 'succeeded' || view.status === 'failed') {
          if (view.status === 'failed' || view.failed > 0) failed = true;
          if (view.error) process.stdout.write(`  error: ${view.error}\n`);
          break;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    return failed ? 1 : 0;
  } finally {
    await accord.stop();
  }
}
