import { createHubspotApiCache } from '../../../adapters/hubspot/hubspot-api-cache';
import type { TenantConnection } from '../../../src/core/crm-adapter';

const tenant = (tenantId: string, accessToken = `token-${tenantId}`, instanceUrl: string | null = null): TenantConnection => ({
  crm: 'hubspot',
  tenantId,
  accessToken,
  instanceUrl,
});

describe('createHubspotApiCache', () => {
  it('keeps one client per tenant while its token and base path stay the same', () => {
    const cache = createHubspotApiCache(undefined);
    const first = cache.apisFor(tenant('1'));
    expect(cache.apisFor(tenant('1'))).toBe(first);
    expect(cache.apisFor(tenant('2'))).not.toBe(first);
  });

  it('rebuilds the client when the token is refreshed or the base path changes', () => {
    const cache = createHubspotApiCache(undefined);
    const first = cache.apisFor(tenant('1', 'old'));
    const refreshed = cache.apisFor(tenant('1', 'new'));
    expect(refreshed).not.toBe(first);
    expect(cache.apisFor(tenant('1', 'new', 'http://127.0.0.1:4010'))).not.toBe(refreshed);
  });

  it('forgets the least recently used tenant beyond its size', () => {
    const cache = createHubspotApiCache(undefined, 2);
    const one = cache.apisFor(tenant('1'));
    const two = cache.apisFor(tenant('2'));
    cache.apisFor(tenant('1'));
    cache.apisFor(tenant('3'));
    expect(cache.apisFor(tenant('1'))).toBe(one);
    expect(cache.apisFor(tenant('2'))).not.toBe(two);
  });
});
