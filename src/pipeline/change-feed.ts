import type { TenantConnection } from '../core/crm-adapter';
import type { Lead } from '../core/lead';

/** A record changed in the CRM, read whole, with when it last changed. */
export interface ChangedRecord {
  lead: Lead;
  modifiedAt: string;
}

/**
 * What reconciliation polls: records modified after a time, oldest change first (Salesforce:
 * `SELECT … FROM Lead WHERE LastModifiedDate > :since ORDER BY LastModifiedDate`).
 */
export interface ChangeFeed {
  listChangedSince(connection: TenantConnection, since: string, maxRecords: number): Promise<{ changes: ChangedRecord[]; more: boolean }>;
}
