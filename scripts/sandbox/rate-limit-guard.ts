import type { RequestHandler } from 'express';
import { bearerToken } from './bearer-token';
import { rateLimitErrorBody, type RateLimitPolicy } from './rate-limit-error-body';
import type { RollingWindowLimiter } from './rolling-window-limiter';

/**
 * Enforces one of HubSpot's per-token limits. The ten-secondly policy also sends HubSpot's
 * `X-HubSpot-RateLimit-*` headers on every answer; search answers carry none, as in production.
 */
export function rateLimitGuard(limiter: RollingWindowLimiter, policyName: RateLimitPolicy): RequestHandler {
  return (req, res, next) => {
    const decision = limiter.take(bearerToken(req) ?? 'anonymous');
    const withHeaders = policyName === 'TEN_SECONDLY_ROLLING';
    if (withHeaders) {
      res.set('X-HubSpot-RateLimit-Interval-Milliseconds', String(limiter.limit.windowMs));
      res.set('X-HubSpot-RateLimit-Max', String(limiter.limit.requests));
    }
    if (decision.allowed) {
      if (withHeaders) res.set('X-HubSpot-RateLimit-Remaining', String(decision.remaining));
      return next();
    }
    if (withHeaders) res.set('X-HubSpot-RateLimit-Remaining', '0');
    res.set('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
    res.status(429).json(rateLimitErrorBody(policyName));
  };
}
