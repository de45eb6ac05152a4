import type { Clock } from './clock';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * A true rolling window (not fixed buckets), like HubSpot's TEN_SECONDLY_ROLLING policy: a request is
 * allowed when fewer than `requests` were allowed in the last `windowMs`. Refused requests do not count.
 */
export class RollingWindowLimiter {
  private readonly allowedAt = new Map<string, number[]>();

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock();
    const recent = (this.allowedAt.get(key) ?? []).filter((at) => at > now - this.limit.windowMs);
    if (recent.length >= this.limit.requests) {
      this.allowedAt.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.limit.windowMs - now) };
    }
    recent.push(now);
    this.allowedAt.set(key, recent);
    return { allowed: true, remaining: this.limit.requests - recent.length };
  }

  reset(): void {
    this.allowedAt.clear();
  }
}
