import type { CrmAdapter, TenantConnection } from '../core/crm-adapter';
import { defaultDefinition } from '../core/default-definition';
import type { Definition } from '../core/definition';
import type { TenantRef } from '../core/lead';
import type { Store } from '../store/store';

export interface BootstrapOptions {
  name: string;
  /** Opaque credentials kept with the tenant (already encrypted by the caller, or '' when they live in the environment). */
  credentials: string;
  /** Create Accord's fields in the CRM (idempotent). */
  installFields: boolean;
  initialDefinition?: Definition;
}

/**
 * Makes a CRM account ready: tenant row, Accord's fields in the CRM, the default definition
 * published as version 1 when the tenant has none, and its owners. Safe to run on every start.
 */
export async function bootstrapTenant(store: Store, adapter: CrmAdapter, connection: TenantConnection, options: BootstrapOptions, now: Date) {
  const ref: TenantRef = { crm: connection.crm, tenantId: connection.tenantId };
  const nowIso = now.toISOString();
  const existing = await store.getTenant(ref);
  await store.upsertTenant({
    ...ref,
    name: options.name,
    active: true,
    credentials: options.credentials,
    instanceUrl: connection.instanceUrl,
    installedAt: existing?.installedAt ?? nowIso,
    updatedAt: nowIso,
  });
  // POST /crm/v3/properties/contacts (and the group) through the adapter, only for missing ones.
  if (options.installFields) await adapter.install(connection);

  let published = await store.getPublishedDefinition(ref);
  if (!published) {
    const draft = await store.saveDraft(ref, options.initialDefinition ?? defaultDefinition, 'accord', nowIso);
    published = await store.publishDraft(ref, draft.id, 'accord', nowIso);
    await store.appendAudit([{ tenant: ref, at: nowIso, actor: 'accord', action: 'definition.published', recordId: null, detail: { version: published.version, reason: 'install' } }]);
  }
  const owners = await adapter.listOwners(connection);
  await store.replaceOwners(ref, owners, nowIso);
  return { tenant: ref, definitionVersion: published.version, owners: owners.length };
}
