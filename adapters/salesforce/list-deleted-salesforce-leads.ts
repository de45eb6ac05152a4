import type { Connection } from 'jsforce';
import { toSalesforceId18 } from './salesforce-id';
import { salesforceDatetime } from './salesforce-value';

export interface DeletedLead {
  recordId: string;
  /** When the lead was deleted or merged into another (ISO). */
  deletedAt: string;
}

export interface DeletedLeads {
  deleted: DeletedLead[];
  /** Where the next read starts (Salesforce's `latestDateCovered`); never before `since`. */
  coveredUntil: string;
}

const dayMs = 24 * 60 * 60 * 1000;
/**
 * Salesforce answers deletions for 15 days back and refuses a start before that; a minute's margin keeps
 * a start computed here from falling out of the window by the time the request lands. Deletions older
 * than that (Accord down for two weeks) are out of reach of any API.
 */
export const salesforceDeleteLogMs = 15 * dayMs - 60_000;
/** Salesforce refuses an end in the future: stay this far behind Accord's clock in case the org's runs late. */
export const salesforceClockSkewMs = 2_000;

/**
 * Leads deleted — merged-away leads included, which Salesforce logs as deletions with `MasterRecordId`
 * set — between `since` and `until`, from the org's delete log. Outbound messages never fire on delete,
 * so this is the only way Accord hears of them.
 */
export async function listDeletedSalesforceLeads(connection: Connection, since: string, until: string): Promise<DeletedLeads> {
  const end = Date.parse(until) - salesforceClockSkewMs;
  const start = Math.max(Date.parse(since), Date.parse(until) - salesforceDeleteLogMs);
  // jsforce sends whole seconds; a window shorter than that has nothing to ask about yet.
  if (end - start < 1_000) return { deleted: [], coveredUntil: since };
  // GET /services/data/vXX.X/sobjects/Lead/deleted/?start=…&end=…
  const result = await connection.sobject('Lead').deleted(new Date(start), new Date(end));
  const deleted = result.deletedRecords.map((record) => ({
    recordId: toSalesforceId18(record.id) ?? record.id,
    deletedAt: salesforceDatetime(record.deletedDate) ?? new Date(end).toISOString(),
  }));
  const covered = salesforceDatetime(result.latestDateCovered);
  return { deleted, coveredUntil: covered !== null && Date.parse(covered) > Date.parse(since) ? covered : since };
}
