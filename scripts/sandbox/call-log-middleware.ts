import type { RequestHandler } from 'express';
import type { CallLog } from './call-log';
import { markedEndpoint } from './endpoint-key';

/** Records each API call once its connection is done, whatever answered it (route, limiter, fault). */
export function callLogMiddleware(log: CallLog): RequestHandler {
  return (_req, res, next) => {
    res.on('close', () => {
      const endpoint = markedEndpoint(res);
      if (endpoint) log.record(endpoint, res.writableFinished ? String(res.statusCode) : 'no_response');
    });
    next();
  };
}
