import type { TenantRef } from '../../core/lead';
import type { Store } from '../../store/store';
import { ApiError } from './api-error';

export async function requireInstalled(store: Store, tenant: TenantRef): Promise<void> {
  const record = await store.getTenant(tenant);
  if (!record || !record.active) throw new ApiError(403, 'not_installed', 'Accord is not installed in this account');
}
