import type { TenantConnection } from '../core/crm-adapter';
import type { Lead } from '../core/lead';

/** A record changed in the CRM, read whole, with when it last changed. */
export interface ChangedRecord {
  lead: Lead;
  modifiedAt: string;
}

/** A record deleted in the CRM (merged-away records included), and when. */
export interface DeletedRecord {
  recordId: string;
  deletedAt: string;
}

/**
 * What reconciliation polls: records modified after a time, oldest change first (Salesforce:
 * `SELECT … FROM Lead WHERE LastModifiedDate > :since ORDER BY LastModifiedDate`).
 */
export interface ChangeFeed {
  listChangedSince(connection: TenantConnection, since: string, maxRecords: number): Promise<{ changes: ChangedRecord[]; more: boolean }>;
  /**
   * Records deleted between `since` and `until`, and where the next read starts (Salesforce: the delete
   * log, `GET …/sobjects/Lead/deleted/`). Optional: a CRM that notifies deletions needs none.
   */
  listDeletedSince?(connection: TenantConnection, since: string, until: string): Promise<{ deleted: DeletedRecord[]; coveredUntil: string }>;
}
