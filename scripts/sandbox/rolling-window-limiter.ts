import { RollingWindow, type RateDecision } from '../../src/core/rolling-window';
import type { Clock } from './clock';

export type { RateDecision };

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** HubSpot's per-token limits: one rolling window per access token. */
export class RollingWindowLimiter {
  private readonly windows = new Map<string, RollingWindow>();

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  take(key: string): RateDecision {
    let window = this.windows.get(key);
    if (!window) {
      window = new RollingWindow(this.limit.requests, this.limit.windowMs);
      this.windows.set(key, window);
    }
    return window.take(this.clock());
  }

  reset(): void {
    this.windows.clear();
  }
}
