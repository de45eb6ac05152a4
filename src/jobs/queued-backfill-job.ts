import { runQueuedBackfills, type BackfillDeps } from '../pipeline/run-backfill';
import type { JobSpec } from './schedule-job';

/**
 * Every minute: backfills still queued — published with `accord definition publish`, which has no
 * CRM connection, or left by an instance that stopped first — are started here; the worker then
 * re-scores their leads.
 */
export function queuedBackfillJob(deps: BackfillDeps, cronExpression = '* * * * *'): JobSpec {
  return {
    name: 'queued-backfills',
    cron: cronExpression,
    maxRunMs: 30 * 60 * 1000,
    async run() {
      const ran = await runQueuedBackfills(deps);
      if (ran.length > 0) deps.logger.info({ backfills: ran }, 'queued backfills started');
    },
  };
}
