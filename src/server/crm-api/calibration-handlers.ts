import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { TenantRef } from '../../core/lead';
import type { CalibrationJobRecord } from '../../store/calibration-job-records';
import { actorToText } from './actor';
import { ApiError } from './api-error';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { draftView } from './draft-view';
import { liveDefinition } from './live-definition';
import { parseBody } from './parse-body';
import { runCalibrationJob } from './run-calibration-job';

/** `POST …/definitions/calibrate` body: the newest share of outcomes to judge on (as `accord calibrate --holdout`). */
export const calibrateRequestSchema = z.object({ holdout: z.number().min(0.05).max(0.5).optional() }).strict();

/** A running job whose progress stopped this long ago went down with the instance running it. */
export const lostCalibrationMs = 10 * 60 * 1000;

async function calibrationView(deps: CrmApiDeps, tenant: TenantRef, job: CalibrationJobRecord) {
  const lost = job.status === 'running' || job.status === 'queued' ? deps.clock.now() - Date.parse(job.updatedAt) > lostCalibrationMs : false;
  let result = null;
  if (job.status === 'succeeded' && job.draftId !== null && job.summary !== null) {
    const draft = await deps.store.getDefinition(tenant, job.draftId);
    const live = await liveDefinition(deps.store, tenant);
    result = { ...job.summary, draft: draft === null ? null : draftView(draft, await deps.store.listDraftApprovals(tenant), live.version) };
  }
  return {
    id: job.id,
    status: lost ? ('failed' as const) : job.status,
    phase: lost ? null : job.phase,
    outcomesRead: job.outcomesRead,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: lost ? 'the calibration stopped with the server running it; start it again' : job.error,
    errorCode: lost ? 'internal' : job.errorCode,
    result,
  };
}

/**
 * POST …/definitions/calibrate: learns a draft from the outcomes the tenant's CRM records. Reading
 * them runs at the CRM's search limit (HubSpot: 5 pages of 200 a second) and learning takes seconds
 * more, so the work runs in the background; the answer is the queued job the page polls.
 */
export function calibrateHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const body = parseBody(calibrateRequestSchema, res.locals.body ?? {}, 'invalid_calibration', 'calibration request');
    const now = new Date(deps.clock.now()).toISOString();
    const job: CalibrationJobRecord = {
      id: `cal_${randomBytes(9).toString('base64url')}`,
      status: 'queued',
      phase: null,
      outcomesRead: 0,
      holdout: body.holdout ?? null,
      requestedBy: actorToText(actor),
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: null,
      draftId: null,
      summary: null,
      error: null,
      errorCode: null,
    };
    await deps.store.createCalibrationJob(tenant, job);
    await deps.store.appendAudit([{ tenant, at: now, actor: actor.id, action: 'definition.calibration_started', recordId: null, detail: { calibrationId: job.id } }]);
    deps.runInBackground(() => runCalibrationJob(deps, tenant, job, actor));
    res.status(202).json(await calibrationView(deps, tenant, job));
  };
}

/** GET …/calibrations/{calibrationId}: progress, then the headline and the draft it saved. */
export function getCalibrationHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const id = String(req.params.calibrationId);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ApiError(400, 'bad_request', 'not a calibration id');
    const job = await deps.store.getCalibrationJob(tenant, id);
    if (!job) throw new ApiError(404, 'calibration_not_found', `there is no calibration ${id}`);
    res.json(await calibrationView(deps, tenant, job));
  };
}
