import type { CrmAdapter, TenantConnection } from '../core/crm-adapter';
import type { CrmKind, TenantRef } from '../core/lead';
import type { TenantRecord } from '../store/store';
import type { RollingWindowLimiter } from './rolling-window-limiter';

/** What the pipeline needs to talk to CRMs, resolved by the composition root. */
export interface CrmRuntime {
  adapterFor(crm: CrmKind): CrmAdapter;
  /** Credentials for a tenant (decrypted or from the environment). */
  connectionFor(tenant: TenantRecord): TenantConnection;
  /** One limiter per tenant, sized to that CRM's API limit. */
  limiterFor(tenant: TenantRef): RollingWindowLimiter;
}

export function tenantKey(ref: TenantRef): string {
  return `${ref.crm}:${ref.tenantId}`;
}
