import type { TenantConnection } from '../../src/core/crm-adapter';
import { createHubspotApis, type HubspotApis } from './create-hubspot-apis';

interface Entry {
  accessToken: string;
  basePath: string | undefined;
  apis: HubspotApis;
}

/**
 * One SDK client per tenant, rebuilt when its token (refreshed every 30 minutes) or base path changes.
 * Bounded so a long-running process with many tenants does not keep every client forever.
 */
export function createHubspotApiCache(defaultBasePath: string | undefined, maxTenants = 200) {
  const entries = new Map<string, Entry>();
  return {
    apisFor(connection: TenantConnection): HubspotApis {
      const basePath = connection.instanceUrl || defaultBasePath;
      const cached = entries.get(connection.tenantId);
      entries.delete(connection.tenantId);
      const entry =
        cached && cached.accessToken === connection.accessToken && cached.basePath === basePath
          ? cached
          : { accessToken: connection.accessToken, basePath, apis: createHubspotApis(connection.accessToken, basePath) };
      // Re-inserting keeps the Map in least-recently-used order, so the first key is the one to evict.
      entries.set(connection.tenantId, entry);
      if (entries.size > maxTenants) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return entry.apis;
    },
  };
}

export type HubspotApiCache = ReturnType<typeof createHubspotApiCache>;
