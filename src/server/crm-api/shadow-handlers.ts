import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { TenantRef } from '../../core/lead';
import type { ShadowRun } from '../../core/shadow/shadow-run';
import { buildShadowReport } from '../../pipeline/build-shadow-report';
import { ShadowRefusal } from '../../pipeline/shadow-refusal';
import { shadowRunView } from '../../pipeline/shadow-run-view';
import { defaultShadowDays, maxShadowDays, startShadowRun } from '../../pipeline/start-shadow-run';
import { stopShadowRun } from '../../pipeline/stop-shadow-run';
import type { Store } from '../../store/store';
import { actorToText } from './actor';
import { ApiError } from './api-error';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { parseBody } from './parse-body';

export const shadowRequestSchema = z.object({ days: z.number().int().min(1).max(maxShadowDays).default(defaultShadowDays) }).strict();
const stopRequestSchema = z.object({}).strict();

function parseId(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new ApiError(400, 'bad_request', `"${raw.slice(0, 20)}" is not a ${what} id`);
  return Number(raw);
}

/** The use case's refusals, as the pages' error codes. */
function apiErrorOf(error: unknown): unknown {
  if (!(error instanceof ShadowRefusal)) return error;
  switch (error.code) {
    case 'draft_not_found':
      return new ApiError(404, 'draft_not_found', error.message);
    case 'shadow_not_found':
    case 'no_active_shadow':
      return new ApiError(404, 'shadow_not_found', error.message);
    case 'tenant_not_found':
      return new ApiError(403, 'not_installed', 'Accord is not installed in this account');
    case 'shadow_active':
      return new ApiError(409, 'shadow_active', error.message, { activeRunId: error.activeRunId });
    case 'not_a_draft':
      return new ApiError(409, 'not_a_draft', error.message);
    case 'invalid_days':
      return new ApiError(422, 'invalid_shadow', error.message);
  }
}

async function viewOf(store: Store, tenant: TenantRef, run: ShadowRun, now: Date) {
  return shadowRunView(run, (await store.getDefinition(tenant, run.definitionId))?.definition.name ?? null, now);
}

async function findRun(store: Store, tenant: TenantRef, raw: string): Promise<ShadowRun> {
  const id = parseId(raw, 'shadow run');
  const run = await store.getShadowRun(tenant, id);
  if (run === null) throw new ApiError(404, 'shadow_not_found', `there is no shadow run ${id}`);
  return run;
}

/** POST …/definitions/{draftId}/shadow: the draft decides alongside the live definition for `days`, never written to the CRM. */
export function startShadowHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const draftId = parseId(String(req.params.draftId), 'draft');
    const { days } = parseBody(shadowRequestSchema, res.locals.body ?? {}, 'invalid_shadow', 'shadow request');
    const now = new Date(deps.clock.now());
    try {
      const run = await startShadowRun(deps.store, tenant, { draftId, days, startedBy: actorToText(actor), actor: actor.id, now });
      res.status(201).json(await viewOf(deps.store, tenant, run, now));
    } catch (error) {
      throw apiErrorOf(error);
    }
  };
}

/** POST …/shadows/{id}/stop: ends the run now; stopping a run already over answers it unchanged. */
export function stopShadowHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const id = parseId(String(req.params.shadowId), 'shadow run');
    parseBody(stopRequestSchema, res.locals.body ?? {}, 'bad_request', 'stop request');
    const now = new Date(deps.clock.now());
    try {
      res.json(await viewOf(deps.store, tenant, await stopShadowRun(deps.store, tenant, id, actor.id, now), now));
    } catch (error) {
      throw apiErrorOf(error);
    }
  };
}

/** GET …/shadows: every run of the tenant, newest first. */
export function listShadowsHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const now = new Date(deps.clock.now());
    const runs = await deps.store.listShadowRuns(tenant);
    const shadows = [];
    for (const run of runs) shadows.push(await viewOf(deps.store, tenant, run, now));
    res.json({ shadows });
  };
}

/** GET …/shadows/{id}/report: the comparison report. Reads only. */
export function shadowReportHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const run = await findRun(deps.store, tenant, String(req.params.shadowId));
    res.json(await buildShadowReport(deps.store, tenant, run, new Date(deps.clock.now())));
  };
}
