import type { CrmKind } from './lead';

export type CrmEventKind = 'created' | 'changed' | 'deleted' | 'privacy_deletion';

/** One inbound change notification, normalised by a CRM adapter. */
export interface CrmEvent {
  crm: CrmKind;
  tenantId: string;
  recordId: string;
  kind: CrmEventKind;
  /** CRM property names reported as changed (empty when the CRM does not say). */
  changedFields: string[];
  /** When the change happened in the CRM (ISO time). */
  occurredAt: string;
  /** Unique per real-world change; the inbox refuses a second row with the same key. */
  dedupeKey: string;
  /** True when the change was made by Accord itself (our own write-back echoing back). */
  ownWrite: boolean;
  /**
   * Set when the change was made by Accord's integration user but the CRM does not say which fields
   * changed (Salesforce): the digest of the record's input values in the notification. It is an echo of
   * Accord's own write when it equals the `inputDigest` of the record's latest decision.
   */
  echoDigest?: string;
}
