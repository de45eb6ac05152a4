import type { CrmAdapter, TenantConnection } from '../../src/core/crm-adapter';
import { callSalesforce } from './call-salesforce';
import { checkAccordFields } from './check-accord-fields';
import { findSalesforceAccountOwners } from './find-salesforce-account-owners';
import { listChangedSalesforceLeads, type ChangedLead } from './list-changed-salesforce-leads';
import { listDeletedSalesforceLeads, type DeletedLeads } from './list-deleted-salesforce-leads';
import { listOpenLeadIds } from './list-open-lead-ids';
import { listSalesforceOutcomeLeads } from './list-salesforce-outcome-leads';
import { listSalesforceOwners } from './list-salesforce-owners';
import { normalizeOutboundMessage } from './normalize-outbound-message';
import { readSalesforceLeads, type ReadLeadsContext } from './read-salesforce-leads';
import { salesforceBatchSize } from './salesforce-batch-size';
import { defaultSalesforceApiVersion, type SalesforceClientOptions, type SalesforceTokens } from './salesforce-client-options';
import { readSalesforceOrgProfile } from './salesforce-org-profile';
import { createSalesforceTenantCache } from './salesforce-tenant-cache';
import { verifyOutboundMessage } from './verify-outbound-message';
import { writeSalesforceLeads } from './write-salesforce-leads';
import { writeSalesforceRejection } from './write-salesforce-rejection';

export interface SalesforceAdapterOptions {
  /** ACCORD_SECRET_KEY: each org's outbound-message endpoint token is derived from it. */
  secretKey: string;
  client: Omit<SalesforceClientOptions, 'apiVersion' | 'timeoutMs'> & Partial<Pick<SalesforceClientOptions, 'apiVersion' | 'timeoutMs'>>;
  /** Accord's integration user in an org: its changes may be Accord's own, it is nobody's lead owner. */
  integrationUserId(organizationId: string): string | null;
  /** Role name → team, for orgs whose roles are not named after their sales teams. */
  roleTeams?: ReadonlyMap<string, string>;
  /** Called with new tokens whenever a session was refreshed, so the tenant's stored credentials follow. */
  onTokenRefreshed?(tenantId: string, tokens: SalesforceTokens): void;
  /** How long lead statuses and the Lead describe are reused (default 30 minutes). */
  profileTtlMs?: number;
  now?: () => number;
}

/** The CrmAdapter port for Salesforce, plus the change feed reconciliation polls (outbound messages expire after 24 h). */
export interface SalesforceAdapter extends CrmAdapter {
  listChangedSince(connection: TenantConnection, since: string, maxRecords: number): Promise<{ changes: ChangedLead[]; more: boolean }>;
  /** Outbound messages never fire on delete: reconciliation reads the org's delete log instead. */
  listDeletedSince(connection: TenantConnection, since: string, until: string): Promise<DeletedLeads>;
}

export function createSalesforceAdapter(options: SalesforceAdapterOptions): SalesforceAdapter {
  const cache = createSalesforceTenantCache({
    client: { apiVersion: defaultSalesforceApiVersion, timeoutMs: 30_000, ...options.client },
    onRefreshed: (tenantId, tokens) => options.onTokenRefreshed?.(tenantId, tokens),
    profileTtlMs: options.profileTtlMs ?? 30 * 60 * 1000,
    now: options.now ?? Date.now,
  });
  const contextFor = async (connection: TenantConnection): Promise<ReadLeadsContext> => ({
    tenantId: connection.tenantId,
    integrationUserId: options.integrationUserId(connection.tenantId),
    profile: await cache.profileFor(connection, readSalesforceOrgProfile),
  });
  const roleTeams = options.roleTeams ?? new Map<string, string>();

  return {
    crm: 'salesforce',
    batchLimits: { read: salesforceBatchSize, write: salesforceBatchSize },
    verify: (request) => verifyOutboundMessage(options.secretKey, request),
    normalize: (request) => normalizeOutboundMessage(request, options.integrationUserId),
    readLeads: (connection, recordIds) =>
      callSalesforce('read leads', async () => {
        const leads = await readSalesforceLeads(cache.connectionFor(connection), recordIds, await contextFor(connection));
        for (const lead of leads) if (lead.raw.IsConverted === 'true') cache.rememberConverted(connection.tenantId, lead.recordId);
        return leads;
      }),
    writeDecisions: (connection, writes) =>
      callSalesforce('update leads', () =>
        writeSalesforceLeads(cache.connectionFor(connection), writes, {
          isConverted: (recordId) => cache.isConverted(connection.tenantId, recordId),
          rememberConverted: (recordId) => cache.rememberConverted(connection.tenantId, recordId),
        }),
      ),
    listOwners: (connection) =>
      callSalesforce('list users', () => listSalesforceOwners(cache.connectionFor(connection), options.integrationUserId(connection.tenantId), roleTeams)),
    findAccountOwners: (connection, domains) =>
      callSalesforce('find account owners', () => findSalesforceAccountOwners(cache.connectionFor(connection), domains)),
    install: (connection) =>
      callSalesforce('check Accord\'s Lead fields', async () => checkAccordFields((await contextFor(connection)).profile)),
    listRecordIds: (connection, after) => callSalesforce('list open leads', () => listOpenLeadIds(cache.connectionFor(connection), after)),
    listOutcomeLeads: (connection, after, rules = {}) =>
      callSalesforce('list leads with outcomes', async () => listSalesforceOutcomeLeads(cache.connectionFor(connection), after, await contextFor(connection), rules)),
    writeRejection: (connection, recordId, rejection) =>
      callSalesforce('write rejection', () => writeSalesforceRejection(cache.connectionFor(connection), recordId, rejection)),
    listChangedSince: (connection, since, maxRecords) =>
      callSalesforce('list changed leads', async () => listChangedSalesforceLeads(cache.connectionFor(connection), since, maxRecords, await contextFor(connection))),
    listDeletedSince: (connection, since, until) =>
      callSalesforce('list deleted leads', () => listDeletedSalesforceLeads(cache.connectionFor(connection), since, until)),
  };
}
