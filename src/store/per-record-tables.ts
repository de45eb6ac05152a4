/**
 * Every table holding data about one CRM record (keyed by crm, tenant_id, record_id): what a privacy
 * deletion purges. Kept on purpose: `audit` (ids, stages and counts only — and the proof the purge
 * happened) and `processed_keys` (dedupe keys, so a redelivered event is not decided again).
 * A contract test fails when a table with a record_id column is missing here.
 */
export const perRecordTables = ['inbox', 'dead_letters', 'decisions', 'lead_facts', 'feedback', 'lead_snapshots', 'record_rejections', 'shadow_decisions'] as const;

/** Tables with a record_id column that a purge deliberately leaves alone. */
export const keptOnPurge = ['audit'] as const;

export type PerRecordTable = (typeof perRecordTables)[number];

/** Rows removed per table. */
export type PurgeCounts = Record<PerRecordTable, number>;

/**
 * Claimed inbox rows are being worked right now (the privacy event itself among them) and are acked
 * by their worker; only rows still waiting are removed.
 */
export function purgeCondition(table: PerRecordTable): string {
  return table === 'inbox' ? " AND status = 'pending'" : '';
}
