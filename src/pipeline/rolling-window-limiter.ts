import type { Clock } from './clock';

/**
 * At most `limit` requests in any `windowMs` — the same rule HubSpot enforces (110 per rolling 10 s).
 * A plain token bucket would allow a full burst plus refill inside one window and cross the limit.
 */
export class RollingWindowLimiter {
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds to wait before the next request may go (0 = now). Pure given `now`. */
  delayFor(now: number): number {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    const windowDelay = this.sent.length < this.limit ? 0 : (this.sent[0] ?? now) + this.windowMs - now;
    return Math.max(windowDelay, this.pausedUntil - now, 0);
  }

  /** Waits for a slot and takes it. Callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const wait = this.delayFor(this.clock.now());
        if (wait <= 0) break;
        await this.clock.sleep(wait);
      }
      this.sent.push(this.clock.now());
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The CRM said 429: send nothing more until it said we may. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Requests sent in the current window (for metrics and benchmarks). */
  inWindow(now: number): number {
    this.delayFor(now);
    return this.sent.length;
  }
}
