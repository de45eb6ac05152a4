import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { CrmAdapter } from '../core/crm-adapter';
import { IngestError } from '../pipeline/ingest-error';
import { countIngest } from './count-ingest';
import { ingestWebhook } from '../pipeline/ingest-webhook';
import type { AppDeps } from './create-app';

/** POST /webhooks/hubspot — verify, store durably, then 200. Never calls HubSpot. */
export function hubspotWebhookRoute(deps: AppDeps, adapter: CrmAdapter): RequestHandler {
  return async (req, res) => {
    const log: Logger = res.locals.log;
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const result = await ingestWebhook(adapter, deps.store, {
        method: req.method,
        url: deps.publicUrl + req.originalUrl,
        headers: req.headers,
        rawBody,
        params: {},
        now: deps.clock.now(),
      });
      countIngest(deps.metrics, 'hubspot', result);
      log.debug({ crm: 'hubspot', ...result }, 'webhook stored');
      res.status(200).json(result);
    } catch (error) {
      if (error instanceof IngestError) {
        countIngest(deps.metrics, 'hubspot', error);
        log.warn({ crm: 'hubspot', status: error.status, reason: error.message }, 'webhook refused');
        res.status(error.status).json({ error: 'refused', message: error.message });
        return;
      }
      throw error;
    }
  };
}
