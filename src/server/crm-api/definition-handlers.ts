import type { RequestHandler } from 'express';
import { definitionSchema } from '../../core/definition';
import type { TenantRef } from '../../core/lead';
import { createBackfill } from '../../pipeline/run-backfill';
import type { DefinitionRecord } from '../../store/store';
import { actorToText } from './actor';
import { ApiError } from './api-error';
import { backfillView } from './backfill-view';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { approvalRequestSchema, previewRequestSchema, publishRequestSchema, saveDraftRequestSchema } from './crm-api-request-schemas';
import { buildDefinitionsView } from './definitions-view';
import { draftView, missingRoles } from './draft-view';
import { liveDefinition } from './live-definition';
import { issuesOf, parseBody } from './parse-body';
import { previewDefinition } from './preview-definition';

function parseDraftId(raw: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new ApiError(400, 'bad_request', `"${raw.slice(0, 20)}" is not a draft id`);
  return Number(raw);
}

async function findDraft(deps: CrmApiDeps, tenant: TenantRef, id: number): Promise<DefinitionRecord> {
  const record = await deps.store.getDefinition(tenant, id);
  if (!record) throw new ApiError(404, 'draft_not_found', `there is no draft ${id}`);
  return record;
}

/** Sign-offs and publishing act on a draft that is still a draft and still based on the live version. */
async function openDraft(deps: CrmApiDeps, tenant: TenantRef, id: number) {
  const draft = await findDraft(deps, tenant, id);
  if (draft.status === 'published') throw new ApiError(409, 'already_published', `draft ${id} was already published as version ${draft.version}`);
  const live = await liveDefinition(deps.store, tenant);
  if (draft.definition.version !== live.version) {
    throw new ApiError(409, 'stale_base', `version ${live.version} was published since this draft was saved`, { currentVersion: live.version });
  }
  return { draft, live };
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
    const parsed = definitionSchema.safeParse(body.definition);
    if (!parsed.success) throw new ApiError(422, 'invalid_definition', 'the definition is not valid', { issues: issuesOf(parsed.error, ['definition']) });
    const live = await liveDefinition(deps.store, tenant);
    if (body.basedOnVersion !== live.version) {
      throw new ApiError(409, 'stale_base', `version ${live.version} was published since the page loaded`, { currentVersion: live.version });
    }
    const now = new Date(deps.clock.now()).toISOString();
    const draft = await deps.store.saveDraft(tenant, { ...parsed.data, version: live.version }, actorToText(actor), now);
    await deps.store.appendAudit([{ tenant, at: now, actor: actor.id, action: 'definition.draft_saved', recordId: null, detail: { draftId: draft.id, basedOnVersion: live.version } }]);
    res.status(201).json(draftView(draft, [], live.version));
  };
}

/** POST …/definitions/preview: reads only. */
export function previewHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const body = parseBody(previewRequestSchema, res.locals.body, 'invalid_preview', 'preview request');
    let proposed;
    if ('draftId' in body) {
      proposed = (await findDraft(deps, tenant, body.draftId)).definition;
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
    const { draft, live } = await openDraft(deps, tenant, draftId);
    const signed = (await deps.store.listDraftApprovals(tenant)).filter((a) => a.draftId === draftId);
    const sameRole = signed.find((a) => a.role === role);
    if (sameRole && sameRole.approverId !== actor.id) throw new ApiError(409, 'role_already_approved', `someone else already approved this draft for ${role}`);
    if (!sameRole) {
      if (signed.some((a) => a.role !== role && a.approverId === actor.id)) {
        throw new ApiError(409, 'approver_conflict', 'you already approved the other role: sales and marketing need two different people');
      }
      const now = new Date(deps.clock.now()).toISOString();
      const added = await deps.store.addDraftApproval(tenant, { draftId, role, approverId: actor.id, approverEmail: actor.email, approvedAt: now });
      // Lost a race with another approver of the same role.
      if (!added) throw new ApiError(409, 'role_already_approved', `someone else already approved this draft for ${role}`);
      await deps.store.appendAudit([{ tenant, at: now, actor: actor.id, action: 'definition.approved', recordId: null, detail: { draftId, role } }]);
    }
    res.json(draftView(draft, await deps.store.listDraftApprovals(tenant), live.version));
  };
}

/** POST …/definitions/{draftId}/publish: the next immutable version, then every open lead re-scored in the background. */
export function publishHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const draftId = parseDraftId(String(req.params.draftId));
    parseBody(publishRequestSchema, res.locals.body ?? {}, 'bad_request', 'publish request');
    await openDraft(deps, tenant, draftId);
    const approvals = (await deps.store.listDraftApprovals(tenant)).filter((a) => a.draftId === draftId);
    const missing = missingRoles(approvals);
    if (missing.length > 0) throw new ApiError(409, 'approvals_missing', `needs approval by ${missing.join(' and ')}`, { missing });

    const now = new Date(deps.clock.now()).toISOString();
    let published: DefinitionRecord;
    try {
      published = await deps.store.publishDraft(tenant, draftId, actorToText(actor), now);
    } catch (error) {
      // Two publishes of one draft raced; the store let only one through.
      if (/already published/.test((error as Error).message)) throw new ApiError(409, 'already_published', `draft ${draftId} was already published`);
      throw error;
    }
    const backfill = await createBackfill(deps.store, tenant, now);
    await deps.store.appendAudit([
      { tenant, at: now, actor: actor.id, action: 'definition.published', recordId: null, detail: { draftId, version: published.version, backfillId: backfill.id } },
    ]);
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
