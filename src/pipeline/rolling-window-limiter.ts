import { RollingWindow } from '../core/rolling-window';
import type { Clock } from './clock';

/**
 * Spreads calls evenly once a short burst is spent. Without it a saturated rolling window replays its
 * own history: 110 calls in the first second, then nothing for nine, and every event queued behind
 * that gap waits seconds. `marginMs` widens the window we count in, so clock and network jitter
 * between our count and the CRM's never lands call 111 inside the CRM's 10 s.
 */
export interface LimiterPacing {
  burst: number;
  marginMs: number;
}

/** Pacing for CRM limits counted in a rolling window (HubSpot's 110 / 10 s, Salesforce's per-window cap). */
export const defaultLimiterPacing: LimiterPacing = { burst: 10, marginMs: 250 };

/**
 * Paces one tenant's CRM calls: at most `limit` in any `windowMs` — the CRM's own rule (HubSpot: 110 per
 * rolling 10 s). A plain token bucket would allow a full burst plus refill inside one window and cross it.
 */
export class RollingWindowLimiter {
  private readonly window: RollingWindow;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  /** Pacing only: the earliest time the next call may go (GCRA's theoretical arrival time). */
  private nextAt = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
    private readonly pacing?: LimiterPacing,
  ) {
    this.window = new RollingWindow(limit, windowMs + (pacing?.marginMs ?? 0));
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
        const paced = this.pacedDelay(now);
        if (paced > 0) {
          await this.clock.sleep(paced);
          continue;
        }
        const decision = this.window.take(now);
        if (decision.allowed) {
          this.taken(now);
          return;
        }
        await this.clock.sleep(decision.retryAfterMs);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private interval(): number {
    return (this.windowMs + (this.pacing?.marginMs ?? 0)) / this.limit;
  }

  private pacedDelay(now: number): number {
    if (!this.pacing) return 0;
    return Math.max(0, this.nextAt - (this.pacing.burst - 1) * this.interval() - now);
  }

  private taken(now: number): void {
    if (this.pacing) this.nextAt = Math.max(this.nextAt, now) + this.interval();
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
