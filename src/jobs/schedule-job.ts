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

export interface ScheduleDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  holder: string;
}

/**
 * How long before the next slot the lease ends: instances' cron timers fire up to a moment apart,
 * so the lease must outlast this slot's stragglers yet be free when the next slot fires.
 */
export const slotMarginMs = 2_000;

/**
 * One slot of `job`: runs it only if this holder takes the lease, and then keeps the lease until just
 * before `nextSlotMs`, so an instance whose cron fires a moment later finds it taken and skips this
 * slot instead of running it a second time. True when this holder ran the job.
 */
export async function runJobSlot(job: JobSpec, deps: ScheduleDeps, nextSlotMs: number | null): Promise<boolean> {
  const now = deps.clock.now();
  const acquired = await deps.store.tryAcquireLease(job.name, deps.holder, new Date(now).toISOString(), new Date(now + job.maxRunMs).toISOString());
  if (!acquired) return false;
  const log = deps.logger.child({ job: job.name });
  try {
    await job.run();
    log.debug('job done');
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'job failed');
  } finally {
    const finishedAt = deps.clock.now();
    const until = nextSlotMs === null ? null : nextSlotMs - slotMarginMs;
    try {
      // Renewing as the same holder always succeeds; a run that overran its next slot frees it at once.
      if (until !== null && until > finishedAt) {
        await deps.store.tryAcquireLease(job.name, deps.holder, new Date(finishedAt).toISOString(), new Date(until).toISOString());
      } else {
        await deps.store.releaseLease(job.name, deps.holder);
      }
    } catch (error) {
      // The lease then simply lapses at now + maxRunMs.
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not hand back the job lease');
    }
  }
  return true;
}

/**
 * Runs `job` on its cron schedule, but only on the instance that takes the job's lease in the store,
 * so several instances on one database run each slot once. Leases are rows in the store, so a restart
 * changes nothing: a lease held by a crashed instance lapses by its `until`.
 */
export function scheduleJob(job: JobSpec, deps: ScheduleDeps): ScheduledTask {
  const task: ScheduledTask = cron.schedule(
    job.cron,
    () => {
      // node-cron fires on the wall clock: the next slot is the wall-clock distance to it, on our clock.
      // The first of the next runs can still be this one when the timer fired a hair early.
      const wallNow = Date.now();
      const next = task.getNextRuns(2).find((run) => run.getTime() > wallNow + slotMarginMs);
      void runJobSlot(job, deps, next === undefined ? null : deps.clock.now() + (next.getTime() - wallNow));
    },
    // node-cron drops a slot whose timer fires more than a second late by default: one long GC pause or
    // a busy event loop at 03:00 would skip that day's job. A late slot still runs, up to the next one.
    { name: job.name, noOverlap: true, missedExecutionTolerance: Number.MAX_SAFE_INTEGER },
  );
  return task;
}
