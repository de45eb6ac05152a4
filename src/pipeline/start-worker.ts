import { processInboxOnce, type WorkerSettings } from './process-inbox-once';
import type { TenantBatchDeps } from './process-tenant-events';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface RunningWorker {
  /** Resolves once the current pass finished and the loop ended. */
  stop(): Promise<void>;
}

/** Polls the inbox: passes back to back while there is work, `pollMs` apart when there is none. */
export function startWorker(deps: TenantBatchDeps, settings: WorkerSettings & { pollMs: number }): RunningWorker {
  let running = true;
  const loop = (async () => {
    while (running) {
      let claimed = 0;
      try {
        claimed = (await processInboxOnce(deps, settings)).claimed;
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'worker pass failed');
      }
      if (claimed === 0 && running) await deps.clock.sleep(settings.pollMs);
      // Back-to-back passes: one pass's ack and the next one's claim are separate stretches for waiting acks.
      else await yieldToEventLoop();
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
