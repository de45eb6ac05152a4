import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Store } from '../store/store';
import type { Clock } from '../pipeline/clock';

export interface JobSpec {
  name: string;
  cron: string;
  /** Longest a run may take; the lease lasts this long so a crashed holder frees it. */
  maxRunMs: number;
  run(): Promise<void>;
}

/**
 * Runs `job` on its cron schedule, but only on the instance that takes the job's lease in the store,
 * so several instances on one database run each job once.
 */
export function scheduleJob(job: JobSpec, deps: { store: Store; clock: Clock; logger: Logger; holder: string }): ScheduledTask {
  const runOnce = async () => {
    const now = deps.clock.now();
    const acquired = await deps.store.tryAcquireLease(job.name, deps.holder, new Date(now).toISOString(), new Date(now + job.maxRunMs).toISOString());
    if (!acquired) return;
    const log = deps.logger.child({ job: job.name });
    try {
      await job.run();
      log.debug('job done');
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'job failed');
    } finally {
      await deps.store.releaseLease(job.name, deps.holder);
    }
  };
  return cron.schedule(job.cron, () => {
    void runOnce();
  }, { name: job.name, noOverlap: true });
}
