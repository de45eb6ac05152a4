import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { CrmAdapter } from '../core/crm-adapter';
import { IngestError } from '../pipeline/ingest-error';
import { countIngest } from './count-ingest';
import { ingestWebhook } from '../pipeline/ingest-webhook';
import { maxWebhookBodyBytes, type AppDeps } from './create-app';
import { outboundAck, soapFault } from './soap-answers';

/**
 * POST /webhooks/salesforce/:orgToken — a Salesforce outbound message: checked, stored durably, then
 * acknowledged with the exact SOAP answer Salesforce expects. Refusals are SOAP faults with a 4xx
 * status (nothing stored; Salesforce retries, then drops the message — reconciliation catches up).
 */
export function salesforceWebhookRoute(deps: AppDeps, adapter: CrmAdapter): RequestHandler {
  return async (req, res) => {
    const log: Logger = res.locals.log;
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const result = await ingestWebhook(adapter, deps.store, {
        method: req.method,
        url: deps.publicUrl + req.originalUrl,
        headers: req.headers,
        rawBody,
        params: { orgToken: String(req.params.orgToken ?? '') },
        now: deps.clock.now(),
      });
      countIngest(deps.metrics, 'salesforce', result);
      log.debug({ crm: 'salesforce', ...result }, 'outbound message stored');
      res.status(200).type('text/xml').send(outboundAck);
    } catch (error) {
      if (error instanceof IngestError) {
        countIngest(deps.metrics, 'salesforce', error);
        log.warn({ crm: 'salesforce', status: error.status, reason: error.message }, 'outbound message refused');
        res.status(error.status).type('text/xml').send(soapFault('Client', error.message));
        return;
      }
      throw error;
    }
  };
}

/** Failures before the handler (a body over the size cap) and internal errors, as SOAP faults too. */
export const salesforceWebhookErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 413) {
    res.status(413).type('text/xml').send(soapFault('Client', `the message is larger than ${maxWebhookBodyBytes} bytes`));
    return;
  }
  if (status < 500) {
    res.status(status).type('text/xml').send(soapFault('Client', error instanceof Error ? error.message : 'bad request'));
    return;
  }
  (res.locals.log as Logger | undefined)?.error({ err: error instanceof Error ? error.message : String(error) }, 'outbound message failed');
  res.status(500).type('text/xml').send(soapFault('Server', 'internal error; the message was not stored'));
};
