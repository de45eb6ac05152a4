import { RollingWindow } from '../core/rolling-window';
import type { Clock } from './clock';

/**
 * Paces one tenant's CRM calls: at most `limit` in any `windowMs` — the CRM's own rule (HubSpot: 110 per
 * rolling 10 s). A plain token bucket would allow a full burst plus refill inside one window and cross it.
 */
export class RollingWindowLimiter {
  private readonly window: RollingWindow;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    this.window = new RollingWindow(limit, windowMs);
  }

  /** Waits for a slot and takes it. Callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        if (now < this.pausedUntil) {
          await this.clock.sleep(this.pausedUntil - now);
          continue;
        }
        const decision = this.window.take(now);
        if (decision.allowed) return;
        await this.clock.sleep(decision.retryAfterMs);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The CRM said 429: send nothing more until it said we may. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** How long the CRM told us to stay away, from now (0 when not paused). */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  /** Requests sent in the current window (for metrics and benchmarks). */
  inWindow(): number {
    return this.window.count(this.clock.now());
  }
}
