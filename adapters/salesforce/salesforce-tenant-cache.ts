import type { Connection } from 'jsforce';
import type { TenantConnection } from '../../src/core/crm-adapter';
import { createSalesforceConnection } from './create-salesforce-connection';
import type { SalesforceClientOptions, SalesforceTokens } from './salesforce-client-options';
import type { SalesforceOrgProfile } from './salesforce-org-profile';

interface Entry {
  /** The access token the connection was built from; the connection's own moves on when it refreshes. */
  givenAccessToken: string | null;
  connection: Connection;
  profile: { value: SalesforceOrgProfile; readAt: number } | null;
  /** Converted leads seen by this process: Salesforce refuses every write to them, so none is attempted. */
  converted: Set<string>;
}

export interface SalesforceTenantCacheOptions {
  client: SalesforceClientOptions;
  onRefreshed: (tenantId: string, tokens: SalesforceTokens) => void;
  /** Statuses and optional fields change rarely; re-read them this often. */
  profileTtlMs: number;
  now: () => number;
  maxTenants?: number;
}

const maxConvertedRemembered = 100_000;

/** One jsforce connection and one org profile per tenant, least recently used evicted past `maxTenants`. */
export function createSalesforceTenantCache(options: SalesforceTenantCacheOptions) {
  const entries = new Map<string, Entry>();
  const maxTenants = options.maxTenants ?? 200;

  const entryFor = (tenant: TenantConnection): Entry => {
    const cached = entries.get(tenant.tenantId);
    entries.delete(tenant.tenantId);
    const given = tenant.accessToken || null;
    const instanceUrl = (tenant.instanceUrl ?? '').replace(/\/+$/, '');
    const reusable =
      cached &&
      cached.connection.instanceUrl === instanceUrl &&
      (given === cached.givenAccessToken || given === (cached.connection.accessToken ?? null)) &&
      (tenant.refreshToken ?? null) === (cached.connection.refreshToken ?? null);
    const entry: Entry = reusable
      ? cached
      : {
          givenAccessToken: given,
          connection: createSalesforceConnection(
            { instanceUrl, accessToken: given, refreshToken: tenant.refreshToken ?? null },
            options.client,
            (tokens) => options.onRefreshed(tenant.tenantId, tokens),
          ),
          profile: cached?.profile ?? null,
          converted: cached?.converted ?? new Set(),
        };
    // Re-inserting keeps the Map in least-recently-used order, so the first key is the one to evict.
    entries.set(tenant.tenantId, entry);
    if (entries.size > maxTenants) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return entry;
  };

  return {
    connectionFor: (tenant: TenantConnection): Connection => entryFor(tenant).connection,
    async profileFor(tenant: TenantConnection, read: (connection: Connection) => Promise<SalesforceOrgProfile>): Promise<SalesforceOrgProfile> {
      const entry = entryFor(tenant);
      if (entry.profile && options.now() - entry.profile.readAt < options.profileTtlMs) return entry.profile.value;
      const value = await read(entry.connection);
      entry.profile = { value, readAt: options.now() };
      return value;
    },
    isConverted: (tenantId: string, recordId: string): boolean => entries.get(tenantId)?.converted.has(recordId) ?? false,
    rememberConverted(tenantId: string, recordId: string): void {
      const converted = entries.get(tenantId)?.converted;
      if (!converted) return;
      if (converted.size >= maxConvertedRemembered) {
        const oldest = converted.values().next().value;
        if (oldest !== undefined) converted.delete(oldest);
      }
      converted.add(recordId);
    },
  };
}

export type SalesforceTenantCache = ReturnType<typeof createSalesforceTenantCache>;
