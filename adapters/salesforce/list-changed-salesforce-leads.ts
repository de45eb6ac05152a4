import type { Connection } from 'jsforce';
import type { Lead } from '../../src/core/lead';
import { queryAllRecords } from './query-all-records';
import type { ReadLeadsContext } from './read-salesforce-leads';
import { leadSelectFields } from './salesforce-lead-fields';
import { salesforceRecordToLead } from './salesforce-record-to-lead';
import { salesforceDatetime } from './salesforce-value';
import { soqlDatetime } from './soql-literal';

export interface ChangedLead {
  lead: Lead;
  /** The record's LastModifiedDate (ISO): the reconciliation cursor moves to the latest one seen. */
  modifiedAt: string;
}

/**
 * Leads modified after `since`, oldest change first, with every field a decision needs, so
 * reconciliation can tell which changes Accord has not seen without reading them again.
 * Stops after about `maxRecords` (a page boundary); `more` says whether the query had more.
 */
export async function listChangedSalesforceLeads(
  connection: Connection,
  since: string,
  maxRecords: number,
  context: ReadLeadsContext,
): Promise<{ changes: ChangedLead[]; more: boolean }> {
  const fields = leadSelectFields(context.profile.optionalFields).join(', ');
  const soql = `SELECT ${fields} FROM Lead WHERE LastModifiedDate > ${soqlDatetime(since)} ORDER BY LastModifiedDate`;
  const { records, done } = await queryAllRecords(connection, soql, maxRecords);
  const changes = records.map((record) => ({
    lead: salesforceRecordToLead(record, { tenantId: context.tenantId, integrationUserId: context.integrationUserId, statuses: context.profile.statuses }),
    modifiedAt: salesforceDatetime(record.LastModifiedDate) ?? since,
  }));
  return { changes, more: !done };
}
