import type { Connection } from 'jsforce';
import { chunk } from '../../src/core/chunk';
import type { Lead } from '../../src/core/lead';
import { queryAllRecords } from './query-all-records';
import { salesforceBatchSize } from './salesforce-batch-size';
import { toSalesforceId18 } from './salesforce-id';
import { leadSelectFields } from './salesforce-lead-fields';
import type { SalesforceOrgProfile } from './salesforce-org-profile';
import { salesforceRecordToLead } from './salesforce-record-to-lead';
import { soqlString } from './soql-literal';

export interface ReadLeadsContext {
  tenantId: string;
  integrationUserId: string | null;
  profile: SalesforceOrgProfile;
}

/**
 * Reads leads by id, 200 per SOQL query, one query after another so the org's allocation is spent
 * evenly. Ids that do not exist (or are not lead ids) are simply not in the result.
 */
export async function readSalesforceLeads(connection: Connection, recordIds: readonly string[], context: ReadLeadsContext): Promise<Lead[]> {
  const ids = [...new Set(recordIds.map((id) => toSalesforceId18(id)).filter((id): id is string => id !== null && id.startsWith('00Q')))];
  const fields = leadSelectFields(context.profile.optionalFields).join(', ');
  const leads: Lead[] = [];
  for (const batch of chunk(ids, salesforceBatchSize)) {
    const soql = `SELECT ${fields} FROM Lead WHERE Id IN (${batch.map(soqlString).join(', ')})`;
    const { records } = await queryAllRecords(connection, soql);
    for (const record of records) {
      leads.push(salesforceRecordToLead(record, { tenantId: context.tenantId, integrationUserId: context.integrationUserId, statuses: context.profile.statuses }));
    }
  }
  return leads;
}
