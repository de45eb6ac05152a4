import type { Logger } from 'pino';
import type { Store } from '../store/store';
import type { Clock } from '../pipeline/clock';
import type { JobSpec } from './schedule-job';

/** HubSpot redelivers for up to a day and Salesforce for 24 h; keeping keys a week leaves a wide margin. */
export const processedKeyRetentionMs = 7 * 24 * 60 * 60 * 1000;

/** Daily: forget dedupe keys of events acked more than a week ago, so the table stays small. */
export function pruneProcessedKeysJob(deps: { store: Store; clock: Clock; logger: Logger }): JobSpec {
  return {
    name: 'prune-processed-keys',
    cron: '17 3 * * *',
    maxRunMs: 10 * 60 * 1000,
    async run() {
      const olderThan = new Date(deps.clock.now() - processedKeyRetentionMs).toISOString();
      const pruned = await deps.store.pruneProcessedKeys(olderThan);
      deps.logger.info({ pruned }, 'processed dedupe keys pruned');
    },
  };
}
