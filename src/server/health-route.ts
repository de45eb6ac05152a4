import type { RequestHandler } from 'express';
import type { AppDeps } from './create-app';

/** GET /health — the store answers and the queue is visible. */
export function healthRoute(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    const stats = await deps.store.inboxStats(new Date(deps.clock.now()).toISOString());
    res.json({ ok: true, store: deps.store.kind, queue: stats });
  };
}
