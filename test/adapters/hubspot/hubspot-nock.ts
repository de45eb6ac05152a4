import nock from 'nock';
import type { TenantConnection } from '../../../src/core/crm-adapter';

export const hubspotHost = 'https://api.hubapi.com';

export const connection: TenantConnection = { crm: 'hubspot', tenantId: '62515', accessToken: 'pat-na1-token-a', instanceUrl: null };

/**
 * Real HubSpot host, intercepted; no request may leave the process. Every interceptor must be used.
 * Afterwards nock lets go of `http`: on a 2-core machine jest runs every file in one process, and a
 * file that left nock's interceptor in place would route later files' real sockets through it (where
 * a refused or reset loopback connection becomes an unhandled error that ends the whole run).
 */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const unused = nock.pendingMocks();
    nock.cleanAll();
    nock.abortPendingRequests();
    expect(unused).toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

/** A contact as HubSpot's batch endpoints return it. */
export function contactJson(id: string, properties: Record<string, string | null> = {}) {
  return {
    id,
    properties: { hs_object_id: id, createdate: '2024-11-05T16:00:00.000Z', lastmodifieddate: '2024-11-05T16:05:00.000Z', ...properties },
    createdAt: '2024-11-05T16:00:00.000Z',
    updatedAt: '2024-11-05T16:05:00.000Z',
    archived: false,
  };
}

export function batchResponseJson(results: unknown[], errors?: unknown[]) {
  return {
    status: 'COMPLETE',
    results,
    ...(errors ? { numErrors: errors.length, errors } : {}),
    startedAt: '2024-11-05T16:06:00.000Z',
    completedAt: '2024-11-05T16:06:00.050Z',
  };
}

export const json = { 'Content-Type': 'application/json;charset=utf-8' };
