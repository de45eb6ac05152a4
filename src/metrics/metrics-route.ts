import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Store } from '../store/store';
import type { AccordMetrics } from './accord-metrics';

export interface MetricsRouteOptions {
  /** Milliseconds since the epoch; the queue's age is measured against it. */
  now?: () => number;
  /**
   * When set, scrapes must send `Authorization: Bearer <token>`: /metrics names tenants' CRMs and
   * queue sizes, which is no one else's business once Accord is reachable from outside.
   */
  bearerToken?: string;
}

/** GET /metrics in Prometheus text format; the queue gauges read `store` on each scrape. */
export function metricsRoute(metrics: AccordMetrics, store: Pick<Store, 'inboxStats'>, options: MetricsRouteOptions = {}): RequestHandler {
  metrics.watchInbox({ store, now: options.now ?? Date.now });
  const expected = options.bearerToken === undefined ? null : Buffer.from(`Bearer ${options.bearerToken}`);
  return async (req, res, next) => {
    if (expected !== null) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized', message: 'scrapes need the metrics bearer token' });
        return;
      }
    }
    try {
      const body = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(body);
    } catch (error) {
      next(error);
    }
  };
}
