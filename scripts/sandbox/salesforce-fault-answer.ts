import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { requestLimitExceeded, salesforceErrorBody, SalesforceApiError } from './salesforce-api-error';
import type { FaultSpec } from './fault-spec';

/**
 * Answers a limit or server-error fault as Salesforce would; false for faults that look the same on
 * every API (latency, timeout), which the injector handles itself.
 */
export function salesforceFaultAnswer(fault: FaultSpec, res: Response): boolean {
  if (fault.mode === 'rate_limit' || fault.mode === 'request_limit') {
    res.status(403).json(salesforceErrorBody(requestLimitExceeded()));
    return true;
  }
  if (fault.mode === 'server_error') {
    const status = fault.status ?? 500;
    if (status === 502 || status === 504) {
      // Gateways in front of Salesforce answer with HTML, not JSON.
      res.status(status).type('text/html').send(`<html><body><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}</h1></body></html>`);
      return true;
    }
    const error =
      status === 503
        ? new SalesforceApiError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later.')
        : new SalesforceApiError(status, 'UNKNOWN_EXCEPTION', `An unexpected error occurred. Please include this ErrorId if you contact support: ${randomUUID()}`);
    res.status(status).json(salesforceErrorBody(error));
    return true;
  }
  return false;
}
