import type { TenantRef } from '../core/lead';
import type { ShadowRun } from '../core/shadow/shadow-run';
import type { Store } from '../store/store';
import { ShadowRefusal } from './shadow-refusal';

/** Stops a run (the active one when `id` is null); a run already over comes back as it is. Audited as `shadow.stopped`. */
export async function stopShadowRun(store: Store, ref: TenantRef, id: number | null, actor: string, now: Date): Promise<ShadowRun> {
  const nowIso = now.toISOString();
  const target = id === null ? await store.getActiveShadowRun(ref, nowIso) : await store.getShadowRun(ref, id);
  if (target === null) {
    throw id === null
      ? new ShadowRefusal('no_active_shadow', `tenant ${ref.crm}:${ref.tenantId} has no active shadow run`)
      : new ShadowRefusal('shadow_not_found', `there is no shadow run ${id}`);
  }
  const stopped = await store.stopShadowRun(ref, target.id, nowIso);
  if (stopped === null) throw new ShadowRefusal('shadow_not_found', `there is no shadow run ${target.id}`);
  if (target.stoppedAt === null && stopped.stoppedAt !== null) {
    await store.appendAudit([{ tenant: ref, at: nowIso, actor, action: 'shadow.stopped', recordId: null, detail: { runId: stopped.id } }]);
  }
  return stopped;
}
