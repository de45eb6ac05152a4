import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { SalesforceApiError, salesforceErrorBody } from './salesforce-api-error';
import { SalesforceOauthError } from './salesforce-oauth-error';
import { SalesforceRecordRejected } from './salesforce-record-error';
import type { SandboxLogger } from './sandbox-logger';
import { SoqlError } from './soql-error';

const isSalesforcePath = (path: string) => path.startsWith('/services/');

/** Renders refusals on Salesforce paths as Salesforce does; anything else goes on to the HubSpot handler. */
export function salesforceErrorHandler(logger: SandboxLogger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (error instanceof SalesforceOauthError) {
      res.status(400).json({ error: error.error, error_description: error.description });
      return;
    }
    if (error instanceof SalesforceApiError) {
      res.status(error.httpStatus).json(salesforceErrorBody(error));
      return;
    }
    if (error instanceof SoqlError) {
      res.status(400).json(salesforceErrorBody(new SalesforceApiError(400, error.errorCode, error.message)));
      return;
    }
    if (error instanceof SalesforceRecordRejected) {
      res.status(400).json(error.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })));
      return;
    }
    if (!isSalesforcePath(req.path)) return next(error);
    const type = typeof error === 'object' && error !== null && 'type' in error ? (error as { type: unknown }).type : undefined;
    if (type === 'entity.parse.failed') {
      res.status(400).json(salesforceErrorBody(new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON')));
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'sandbox Salesforce route failed');
    res.status(500).json(salesforceErrorBody(new SalesforceApiError(500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred. Please include this ErrorId if you contact support: ${randomUUID()}`)));
  };
}

/** Unknown Salesforce paths. */
export const salesforceNotFound: RequestHandler = (req, res, next) => {
  if (!isSalesforcePath(req.path)) return next();
  res.status(404).json(salesforceErrorBody(new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist')));
};
