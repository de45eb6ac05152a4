import { CrmRateLimitedError, CrmUnavailableError } from '../core/crm-adapter';
import type { Clock } from './clock';
import type { RollingWindowLimiter } from './rolling-window-limiter';

export interface CrmCallPolicy {
  /** Retries of 5xx / timeouts inside one attempt before the events go back to the inbox. */
  transientRetries: number;
  transientBackoffMs: number;
  /** How long one call may keep waiting out 429s; a rate limit delays work but is not a failure. */
  rateLimitBudgetMs: number;
}

export const defaultCrmCallPolicy: CrmCallPolicy = {
  transientRetries: 3,
  transientBackoffMs: 250,
  rateLimitBudgetMs: 120_000,
};

export interface CrmCallObserver {
  onCall?(label: string): void;
  onRateLimited?(label: string, retryAfterMs: number): void;
}

/** Runs one CRM request inside the tenant's rate limit, waiting out 429s and retrying transient failures. */
export async function callCrm<T>(
  limiter: RollingWindowLimiter,
  clock: Clock,
  label: string,
  request: () => Promise<T>,
  policy: CrmCallPolicy = defaultCrmCallPolicy,
  observer: CrmCallObserver = {},
): Promise<T> {
  const startedAt = clock.now();
  let transientFailures = 0;
  for (;;) {
    await limiter.acquire();
    observer.onCall?.(label);
    try {
      return await request();
    } catch (error) {
      if (error instanceof CrmRateLimitedError) {
        observer.onRateLimited?.(label, error.retryAfterMs);
        limiter.pauseFor(error.retryAfterMs);
        if (clock.now() + error.retryAfterMs - startedAt > policy.rateLimitBudgetMs) throw error;
        continue;
      }
      if (error instanceof CrmUnavailableError && transientFailures < policy.transientRetries) {
        transientFailures += 1;
        await clock.sleep(policy.transientBackoffMs * 2 ** (transientFailures - 1));
        continue;
      }
      throw error;
    }
  }
}
