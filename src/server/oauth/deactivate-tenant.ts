import type { TenantRef } from '../../core/lead';
import type { Store } from '../../store/store';

/**
 * The CRM account uninstalled Accord (or revoked its token): mark it inactive and move its queued
 * events to the dead letters with the reason, so nothing retries against a CRM that will refuse.
 * Decisions, definitions and audit stay: a re-install picks up where it left off.
 */
export async function deactivateTenant(store: Store, tenant: TenantRef, reason: string, now: string): Promise<number> {
  const record = await store.getTenant(tenant);
  if (!record) return 0;
  await store.setTenantActive(tenant, false, now);
  const drained = await store.deadLetterTenantInbox(tenant, reason, now);
  await store.appendAudit([{ tenant, at: now, actor: tenant.crm, action: 'tenant.deactivated', recordId: null, detail: { reason, drained } }]);
  return drained;
}
