import type { TenantRef } from '../core/lead';
import type { Owner } from '../core/owner';
import type { Store } from '../store/store';

type CrmCall = <T>(label: string, request: () => Promise<T>) => Promise<T>;

/** Returns the tenant's owners, fetching them from the CRM when none are stored yet or when forced. */
export async function syncOwners(
  store: Store,
  ref: TenantRef,
  call: CrmCall,
  fetchOwners: () => Promise<Owner[]>,
  nowIso: string,
  force: boolean,
): Promise<Owner[]> {
  if (!force) {
    const stored = await store.listOwners(ref);
    if (stored.length > 0) return stored;
  }
  const owners = await call('listOwners', fetchOwners);
  await store.replaceOwners(ref, owners, nowIso);
  return owners;
}
