import { defaultDefinition } from '../../core/default-definition';
import type { Definition } from '../../core/definition';
import type { TenantRef } from '../../core/lead';
import type { Store } from '../../store/store';

/** What decides the tenant's leads now: the newest published version, else the built-in default (version 0). */
export async function liveDefinition(store: Store, tenant: TenantRef): Promise<{ version: number; definition: Definition }> {
  const published = await store.getPublishedDefinition(tenant);
  return published ? { version: published.version, definition: published.definition } : { version: 0, definition: defaultDefinition };
}
