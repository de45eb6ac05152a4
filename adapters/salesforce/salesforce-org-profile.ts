import type { Connection } from 'jsforce';
import { leadStatusCatalog, type LeadStatusCatalog, type LeadStatusRow } from './lead-status-catalog';
import { optionalActivityFields, type OptionalActivityField } from './salesforce-lead-fields';
import { queryAllRecords } from './query-all-records';

/** What Accord needs to know about an org's Lead schema and statuses before reading leads. */
export interface SalesforceOrgProfile {
  /** Every Lead field name the org has. */
  leadFields: ReadonlySet<string>;
  /** The optional marketing fields this org has, so reads ask for them and only them. */
  optionalFields: OptionalActivityField[];
  statuses: LeadStatusCatalog;
}

/** Two calls: the Lead describe and the LeadStatus rows. */
export async function readSalesforceOrgProfile(connection: Connection): Promise<SalesforceOrgProfile> {
  // GET /services/data/vXX.X/sobjects/Lead/describe
  const describe = await connection.sobject('Lead').describe();
  const leadFields = new Set(describe.fields.map((field) => field.name));
  const { records } = await queryAllRecords<LeadStatusRow & Record<string, unknown>>(
    connection,
    'SELECT MasterLabel, ApiName, SortOrder, IsDefault, IsConverted FROM LeadStatus ORDER BY SortOrder',
  );
  return {
    leadFields,
    optionalFields: (Object.keys(optionalActivityFields) as OptionalActivityField[]).filter((name) => leadFields.has(name)),
    statuses: leadStatusCatalog(records),
  };
}
