import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { ApiError } from './api-error';
import { calibrateHandler, getCalibrationHandler } from './calibration-handlers';
import { getChannelSettingsHandler, putChannelSettingsHandler } from './channel-settings-handlers';
import type { CrmApiDeps } from './crm-api-deps';
import { approveHandler, getBackfillHandler, getDefinitionsHandler, getOwnersHandler, previewHandler, publishHandler, saveDraftHandler } from './definition-handlers';
import { getRecordHandler, rejectRecordHandler } from './record-handlers';
import { listShadowsHandler, shadowReportHandler, startShadowHandler, stopShadowHandler } from './shadow-handlers';

/** `hubspot.fetch` caps both directions at 1 MB; so does Accord. */
export const maxApiBodyBytes = 1024 * 1024;

/** The body was signed as bytes; only after the auth check is it read as JSON. */
const readJsonBody: RequestHandler = (req, res, next) => {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (raw.length === 0) {
    res.locals.body = undefined;
  } else {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, 'bad_request', 'the body is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'the body is not a JSON object');
    res.locals.body = body;
  }
  next();
};

const answerErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof ApiError) {
    res.status(error.status).json({ error: error.code, message: error.message, ...error.extra });
    return;
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 413) {
    res.status(413).json({ error: 'payload_too_large', message: `the body is larger than ${maxApiBodyBytes} bytes` });
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(400).json({ error: 'bad_request', message: 'the request could not be read' });
    return;
  }
  (res.locals.log ?? console).error({ err: error instanceof Error ? error.message : String(error) }, 'CRM API request failed');
  res.status(500).json({ error: 'internal', message: 'internal error; the request was not applied' });
};

/**
 * The API behind one CRM's record card and settings page (docs/crm-api.md). Every CRM shares the
 * handlers; only `auth` differs: it proves the tenant and the actor, and nothing else may name them.
 */
export function createCrmApiRouter(deps: CrmApiDeps, auth: RequestHandler): Router {
  const router = Router();
  router.use(express.raw({ type: () => true, limit: maxApiBodyBytes }));
  router.use(auth, readJsonBody);
  router.get('/records/:recordId', getRecordHandler(deps));
  router.post('/records/:recordId/rejection', rejectRecordHandler(deps));
  router.get('/definitions', getDefinitionsHandler(deps));
  router.post('/definitions/drafts', saveDraftHandler(deps));
  router.post('/definitions/preview', previewHandler(deps));
  router.post('/definitions/calibrate', calibrateHandler(deps));
  router.post('/definitions/:draftId/approvals', approveHandler(deps));
  router.post('/definitions/:draftId/publish', publishHandler(deps));
  router.get('/backfills/:backfillId', getBackfillHandler(deps));
  router.get('/calibrations/:calibrationId', getCalibrationHandler(deps));
  router.get('/owners', getOwnersHandler(deps));
  router.post('/definitions/:draftId/shadow', startShadowHandler(deps));
  router.get('/shadows', listShadowsHandler(deps));
  router.post('/shadows/:shadowId/stop', stopShadowHandler(deps));
  router.get('/shadows/:shadowId/report', shadowReportHandler(deps));
  router.get('/settings/channels', getChannelSettingsHandler(deps));
  router.put('/settings/channels', putChannelSettingsHandler(deps));
  router.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${req.baseUrl}${req.path}` });
  });
  router.use(answerErrors);
  return router;
}
