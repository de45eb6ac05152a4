import type { CrmAdapter } from '../../src/core/crm-adapter';
import { createHubspotApiCache } from './hubspot-api-cache';
import { findHubspotAccountOwners } from './find-hubspot-account-owners';
import { hubspotBatchSize } from './hubspot-batch-size';
import { installHubspotProperties } from './install-hubspot-properties';
import { listHubspotContactIds } from './list-hubspot-contact-ids';
import { listHubspotOutcomeLeads } from './list-hubspot-outcome-leads';
import { listHubspotOwners } from './list-hubspot-owners';
import { normalizeHubspotEvents } from './normalize-hubspot-events';
import { readHubspotContacts } from './read-hubspot-contacts';
import { verifyHubspotRequest } from './verify-hubspot-request';
import { writeHubspotContacts } from './write-hubspot-contacts';
import { writeHubspotRejection } from './write-hubspot-rejection';

// The composition root learns a private-app token's portal next to building the adapter.
export { readAccountPortalId } from './read-account-portal-id';

export interface HubspotAdapterOptions {
  /** The app's client secret: the key of webhook signatures. */
  clientSecret: string;
  /** The app's id: our own writes echo back with this as `sourceId`. */
  appId: string;
  /** API base URL for every tenant without its own (a sandbox); HubSpot's when absent. */
  basePath?: string;
  /** How long one HubSpot call may take before it counts as unavailable. */
  timeoutMs?: number;
  /** Results one search query may page through (HubSpot: 10,000); tests lower it to reach the cap. */
  searchResultCap?: number;
}

const defaultTimeoutMs = 15_000;

export function createHubspotAdapter(options: HubspotAdapterOptions): CrmAdapter {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const cache = createHubspotApiCache(options.basePath);
  return {
    crm: 'hubspot',
    batchLimits: { read: hubspotBatchSize, write: hubspotBatchSize },
    verify: (request) => verifyHubspotRequest(options.clientSecret, request),
    normalize: (request) => normalizeHubspotEvents(request.rawBody, options.appId),
    readLeads: (connection, recordIds) => readHubspotContacts(cache.apisFor(connection), connection.tenantId, recordIds, timeoutMs),
    writeDecisions: (connection, writes) => writeHubspotContacts(cache.apisFor(connection), writes, timeoutMs),
    listOwners: (connection) => listHubspotOwners(cache.apisFor(connection), timeoutMs),
    findAccountOwners: (connection, domains) => findHubspotAccountOwners(cache.apisFor(connection), domains, timeoutMs),
    install: (connection) => installHubspotProperties(cache.apisFor(connection), timeoutMs),
    listRecordIds: (connection, after) => listHubspotContactIds(cache.apisFor(connection), after, timeoutMs),
    writeRejection: (connection, recordId, rejection) => writeHubspotRejection(cache.apisFor(connection), recordId, rejection, timeoutMs),
    listOutcomeLeads: (connection, after, rules = {}) =>
      listHubspotOutcomeLeads(cache.apisFor(connection), connection.tenantId, after, rules, timeoutMs, options.searchResultCap),
  };
}
