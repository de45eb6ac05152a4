import { definitionSchema } from '../../core/definition';
import type { TenantRef } from '../../core/lead';
import { newBackfillId } from '../../pipeline/run-backfill';
import type { ApprovalRole } from '../../store/crm-api-records';
import type { DefinitionRecord, PublishedWithBackfill, Store } from '../../store/store';
import { actorToText, type Actor } from './actor';
import { ApiError } from './api-error';
import { draftView, missingRoles } from './draft-view';
import { liveDefinition } from './live-definition';
import { issuesOf } from './parse-body';

/**
 * The shared definition of done, one place for every entry point (the settings pages' API and
 * `accord definition`): drafts, one sign-off per role by two different people, and publishing
 * with its re-scoring. Refusals are ApiErrors; the CLI prints their message.
 */

export async function findDraft(store: Store, tenant: TenantRef, id: number): Promise<DefinitionRecord> {
  const record = await store.getDefinition(tenant, id);
  if (!record) throw new ApiError(404, 'draft_not_found', `there is no draft ${id}`);
  return record;
}

/** Sign-offs and publishing act on a draft that is still a draft and still based on the live version. */
async function openDraft(store: Store, tenant: TenantRef, id: number) {
  const draft = await findDraft(store, tenant, id);
  if (draft.status === 'published') throw new ApiError(409, 'already_published', `draft ${id} was already published as version ${draft.version}`);
  const live = await liveDefinition(store, tenant);
  if (draft.definition.version !== live.version) {
    throw new ApiError(409, 'stale_base', `version ${live.version} was published since this draft was saved`, { currentVersion: live.version });
  }
  return { draft, live };
}

/** Every save is a new draft, so sign-offs always cover exactly what the signers saw. */
export async function saveDraft(store: Store, tenant: TenantRef, input: unknown, basedOnVersion: number, actor: Actor, now: string) {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) throw new ApiError(422, 'invalid_definition', 'the definition is not valid', { issues: issuesOf(parsed.error, ['definition']) });
  const live = await liveDefinition(store, tenant);
  if (basedOnVersion !== live.version) {
    throw new ApiError(409, 'stale_base', `version ${live.version} was published since the page loaded`, { currentVersion: live.version });
  }
  const draft = await store.saveDraft(tenant, { ...parsed.data, version: live.version }, actorToText(actor), now);
  await store.appendAudit([{ tenant, at: now, actor: actor.id, action: 'definition.draft_saved', recordId: null, detail: { draftId: draft.id, basedOnVersion: live.version } }]);
  return draftView(draft, [], live.version);
}

/** One sign-off per role, two different people; signing the same role again is a no-op. */
export async function approveDraft(store: Store, tenant: TenantRef, draftId: number, role: ApprovalRole, actor: Actor, now: string) {
  const { draft, live } = await openDraft(store, tenant, draftId);
  const signed = (await store.listDraftApprovals(tenant)).filter((a) => a.draftId === draftId);
  const sameRole = signed.find((a) => a.role === role);
  if (sameRole && sameRole.approverId !== actor.id) throw new ApiError(409, 'role_already_approved', `someone else already approved this draft for ${role}`);
  if (!sameRole) {
    if (signed.some((a) => a.role !== role && a.approverId === actor.id)) {
      throw new ApiError(409, 'approver_conflict', 'you already approved the other role: sales and marketing need two different people');
    }
    const added = await store.addDraftApproval(tenant, { draftId, role, approverId: actor.id, approverEmail: actor.email, approvedAt: now });
    // Lost a race with another approver of the same role.
    if (!added) throw new ApiError(409, 'role_already_approved', `someone else already approved this draft for ${role}`);
    await store.appendAudit([{ tenant, at: now, actor: actor.id, action: 'definition.approved', recordId: null, detail: { draftId, role } }]);
  }
  return draftView(draft, await store.listDraftApprovals(tenant), live.version);
}

/**
 * The next immutable version and its queued re-scoring, in one transaction; the caller starts the
 * backfill (or leaves it to the running server's queued-backfill job).
 */
export async function publishApprovedDraft(store: Store, tenant: TenantRef, draftId: number, actor: Actor, now: string): Promise<PublishedWithBackfill> {
  await openDraft(store, tenant, draftId);
  const approvals = (await store.listDraftApprovals(tenant)).filter((a) => a.draftId === draftId);
  const missing = missingRoles(approvals);
  if (missing.length > 0) throw new ApiError(409, 'approvals_missing', `needs approval by ${missing.join(' and ')}`, { missing });
  let result: PublishedWithBackfill;
  try {
    result = await store.publishDraftWithBackfill(tenant, draftId, actorToText(actor), now, newBackfillId());
  } catch (error) {
    // Two publishes of one draft raced; the store let only one through.
    if (/already published/.test((error as Error).message)) throw new ApiError(409, 'already_published', `draft ${draftId} was already published`);
    throw error;
  }
  await store.appendAudit([
    { tenant, at: now, actor: actor.id, action: 'definition.published', recordId: null, detail: { draftId, version: result.published.version, backfillId: result.backfill.id } },
  ]);
  return result;
}
