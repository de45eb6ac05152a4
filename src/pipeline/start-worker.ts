import { processInboxOnce, type WorkerSettings } from './process-inbox-once';
import type { TenantBatchDeps } from './process-tenant-events';

export interface RunningWorker {
  /** Resolves once the current pass finished and the loop ended. */
  stop(): Promise<void>;
  /** Resolves when the inbox has no due event left (used by the demo and tests). */
  idle(): Promise<void>;
}

/** Polls the inbox: passes back to back while there is work, `pollMs` apart when there is none. */
export function startWorker(deps: TenantBatchDeps, settings: WorkerSettings & { pollMs: number }): RunningWorker {
  let running = true;
  let idleWaiters: Array<() => void> = [];
  const loop = (async () => {
    while (running) {
      let claimed = 0;
      try {
        claimed = (await processInboxOnce(deps, settings)).claimed;
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'worker pass failed');
      }
      if (claimed === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((resolve) => resolve());
        if (running) await deps.clock.sleep(settings.pollMs);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      idleWaiters.forEach((resolve) => resolve());
    },
    idle() {
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
