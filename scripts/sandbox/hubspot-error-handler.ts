import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HubspotApiError } from './hubspot-api-error';
import { hubspotErrorBody } from './hubspot-error-body';
import { HubspotOauthError } from './hubspot-oauth-error';
import type { SandboxLogger } from './sandbox-logger';

function bodyParserFailure(error: unknown): { status: number; message: string } | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  const { type } = error as { type: unknown; message?: unknown };
  const detail = String((error as { message?: unknown }).message ?? '');
  if (type === 'entity.parse.failed') return { status: 400, message: `Invalid input JSON: ${detail}` };
  if (type === 'entity.too.large') return { status: 413, message: 'Request body is too large.' };
  return null;
}

/** Renders every refusal as HubSpot would: standard error JSON, OAuth's own shape, or a 500 with a correlation id. */
export function hubspotErrorHandler(logger: SandboxLogger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof HubspotOauthError) {
      res.status(error.httpStatus).json({ status: error.status, message: error.message, correlationId: randomUUID() });
      return;
    }
    if (error instanceof HubspotApiError) {
      res.status(error.httpStatus).json(hubspotErrorBody(error));
      return;
    }
    const parserFailure = bodyParserFailure(error);
    if (parserFailure) {
      res.status(parserFailure.status).json(hubspotErrorBody(new HubspotApiError(parserFailure.status, 'VALIDATION_ERROR', parserFailure.message)));
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'sandbox route failed');
    res.status(500).json(hubspotErrorBody(new HubspotApiError(500, 'INTERNAL_ERROR', 'internal error')));
  };
}

/** Unknown API paths. */
export const hubspotNotFound: RequestHandler = (req, res) => {
  res.status(404).json(hubspotErrorBody(new HubspotApiError(404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${req.path}`)));
};
