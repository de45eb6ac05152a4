import type { RequestHandler } from 'express';
import { definitionSchema } from '../../core/definition';
import { ApiError } from './api-error';
import { backfillView } from './backfill-view';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { approvalRequestSchema, previewRequestSchema, publishRequestSchema, saveDraftRequestSchema } from './crm-api-request-schemas';
import { buildDefinitionsView } from './definitions-view';
import { approveDraft, findDraft, publishApprovedDraft, saveDraft } from './draft-sign-off';
import { issuesOf, parseBody } from './parse-body';
import { previewDefinition } from './preview-definition';

function parseDraftId(raw: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new ApiError(400, 'bad_request', `"${raw.slice(0, 20)}" is not a draft id`);
  return Number(raw);
}

export function getDefinitionsHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    res.json(await buildDefinitionsView(deps.store, tenant));
  };
}

/** POST …/definitions/drafts: every save is a new draft, so sign-offs always cover exactly what they saw. */
export function saveDraftHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const body = parseBody(saveDraftRequestSchema, res.locals.body, 'invalid_definition', 'draft');
    res.status(201).json(await saveDraft(deps.store, tenant, body.definition, body.basedOnVersion, actor, new Date(deps.clock.now()).toISOString()));
  };
}

/** POST …/definitions/preview: reads only. */
export function previewHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const body = parseBody(previewRequestSchema, res.locals.body, 'invalid_preview', 'preview request');
    let proposed;
    if ('draftId' in body) {
      proposed = (await findDraft(deps.store, tenant, body.draftId)).definition;
    } else {
      const parsed = definitionSchema.safeParse(body.definition);
      if (!parsed.success) throw new ApiError(422, 'invalid_preview', 'the definition is not valid', { issues: issuesOf(parsed.error, ['definition']) });
      proposed = parsed.data;
    }
    res.json(await previewDefinition(deps.store, tenant, proposed, new Date(deps.clock.now())));
  };
}

/** POST …/definitions/{draftId}/approvals: one sign-off per role, two different people. */
export function approveHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const draftId = parseDraftId(String(req.params.draftId));
    const { role } = parseBody(approvalRequestSchema, res.locals.body, 'bad_request', 'approval');
    res.json(await approveDraft(deps.store, tenant, draftId, role, actor, new Date(deps.clock.now()).toISOString()));
  };
}

/** POST …/definitions/{draftId}/publish: the next immutable version and its backfill in one transaction, then every open lead re-scored in the background. */
export function publishHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const draftId = parseDraftId(String(req.params.draftId));
    parseBody(publishRequestSchema, res.locals.body ?? {}, 'bad_request', 'publish request');
    const now = new Date(deps.clock.now()).toISOString();
    const { published, backfill } = await publishApprovedDraft(deps.store, tenant, draftId, actor, now);
    deps.startBackfill(tenant, backfill.id);
    const view = await buildDefinitionsView(deps.store, tenant);
    const version = view.versions.find((v) => v.version === published.version);
    res.status(201).json({ version, backfill: await backfillView(deps.store, tenant, backfill, now) });
  };
}

export function getBackfillHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const id = String(req.params.backfillId);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ApiError(400, 'bad_request', 'not a backfill id');
    const backfill = await deps.store.getBackfill(tenant, id);
    if (!backfill) throw new ApiError(404, 'backfill_not_found', `there is no backfill ${id}`);
    res.json(await backfillView(deps.store, tenant, backfill, new Date(deps.clock.now()).toISOString()));
  };
}

export function getOwnersHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const owners = await deps.store.listOwners(tenant);
    res.json({ owners: owners.map((o) => ({ id: o.id, name: o.name, email: o.email, teams: o.teams, available: o.available })) });
  };
}
