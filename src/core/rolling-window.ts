export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * A true rolling window (not fixed buckets), like HubSpot's TEN_SECONDLY_ROLLING policy: a request is
 * allowed when fewer than `limit` were allowed in the last `windowMs`. Refused requests do not count.
 * Accord paces its own calls with it; the sandbox CRM enforces the limit with it.
 */
export class RollingWindow {
  private taken: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(now: number): RateDecision {
    this.forgetBefore(now - this.windowMs);
    if (this.taken.length >= this.limit) {
      const oldest = this.taken[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
    }
    this.taken.push(now);
    return { allowed: true, remaining: this.limit - this.taken.length };
  }

  /** Requests allowed within the window ending at `now`. */
  count(now: number): number {
    this.forgetBefore(now - this.windowMs);
    return this.taken.length;
  }

  private forgetBefore(cutoff: number): void {
    let expired = 0;
    while (expired < this.taken.length && (this.taken[expired] ?? 0) <= cutoff) expired += 1;
    if (expired > 0) this.taken = this.taken.slice(expired);
  }
}
