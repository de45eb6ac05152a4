import type { TenantRef } from '../core/lead';
import type { ShadowRun } from '../core/shadow/shadow-run';
import { ShadowRunActiveError } from '../store/shadow-run-active-error';
import type { Store } from '../store/store';
import { ShadowRefusal } from './shadow-refusal';

/** Long enough for outcomes to arrive, short enough that the live definition is still the one to beat. */
export const maxShadowDays = 90;
export const defaultShadowDays = 14;

export interface StartShadowInput {
  draftId: number;
  days: number;
  /** Who started it, as definition rows keep authors ("id <email>" or a name). */
  startedBy: string;
  /** Who acted, for the audit (an id, or the CLI's name). */
  actor: string;
  now: Date;
}

/**
 * Starts a shadow run of a saved draft for `days` from now: the worker decides every lead with it
 * too, stores its calls and writes nothing of it to the CRM. One run per tenant at a time.
 * Audited as `shadow.started`.
 */
export async function startShadowRun(store: Store, ref: TenantRef, input: StartShadowInput): Promise<ShadowRun> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxShadowDays) {
    throw new ShadowRefusal('invalid_days', `days must be a whole number from 1 to ${maxShadowDays}, got ${input.days}`);
  }
  if ((await store.getTenant(ref)) === null) throw new ShadowRefusal('tenant_not_found', `tenant ${ref.crm}:${ref.tenantId} is not installed`);
  const draft = await store.getDefinition(ref, input.draftId);
  if (draft === null) throw new ShadowRefusal('draft_not_found', `there is no draft ${input.draftId} for tenant ${ref.crm}:${ref.tenantId}`);
  if (draft.status !== 'draft') {
    throw new ShadowRefusal('not_a_draft', `definition ${input.draftId} is published as version ${draft.version}; shadow a draft instead`);
  }
  const startedAt = input.now.toISOString();
  const endsAt = new Date(input.now.getTime() + input.days * 86_400_000).toISOString();
  let run: ShadowRun;
  try {
    run = await store.startShadowRun(ref, { definitionId: draft.id, startedAt, endsAt, startedBy: input.startedBy });
  } catch (error) {
    if (error instanceof ShadowRunActiveError) {
      throw new ShadowRefusal('shadow_active', `shadow run ${error.activeRunId} is still active; stop it first`, error.activeRunId);
    }
    throw error;
  }
  await store.appendAudit([
    { tenant: ref, at: startedAt, actor: input.actor, action: 'shadow.started', recordId: null, detail: { runId: run.id, draftId: draft.id, days: input.days, endsAt } },
  ]);
  return run;
}
