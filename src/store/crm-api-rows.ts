import type { ApprovalRole, BackfillRecord, BackfillStatus, DraftApproval, RecordRejection } from './crm-api-records';

/** SQLite hands back times as the ISO text stored, Postgres as Date; both become ISO strings. */
type Time = string | Date;

function iso(value: Time): string {
  return typeof value === 'string' ? value : value.toISOString();
}

function isoOrNull(value: Time | null): string | null {
  return value === null ? null : iso(value);
}

export function toDraftApproval(row: { draft_id: number | string; role: string; approver_id: string; approver_email: string | null; approved_at: Time }): DraftApproval {
  return {
    draftId: Number(row.draft_id),
    role: row.role as ApprovalRole,
    approverId: row.approver_id,
    approverEmail: row.approver_email,
    approvedAt: iso(row.approved_at),
  };
}

export function toBackfillRecord(row: {
  id: string;
  definition_version: number;
  status: string;
  total: number | string;
  skipped: number | string;
  enqueue_done: number | boolean;
  created_at: Time;
  started_at: Time | null;
  finished_at: Time | null;
  error: string | null;
}): BackfillRecord {
  return {
    id: row.id,
    definitionVersion: row.definition_version,
    status: row.status as BackfillStatus,
    total: Number(row.total),
    skipped: Number(row.skipped),
    enqueueDone: row.enqueue_done === true || row.enqueue_done === 1,
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    error: row.error,
  };
}

export function toRecordRejection(row: { record_id: string; reason: string; note: string | null; actor_id: string; actor_email: string | null; rejected_at: Time }): RecordRejection {
  return {
    recordId: row.record_id,
    reason: row.reason,
    note: row.note,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    rejectedAt: iso(row.rejected_at),
  };
}

/** A backfill as publishing queues it: nothing enqueued yet, its version the one just published. */
export function queuedBackfill(id: string, definitionVersion: number, now: string): BackfillRecord {
  return { id, definitionVersion, status: 'queued', total: 0, skipped: 0, enqueueDone: false, createdAt: now, startedAt: null, finishedAt: null, error: null };
}

/** The dedupe-key range of one backfill's events: `backfill:<id>:` up to (excluding) `backfill:<id>;`. */
export function backfillKeyRange(id: string): { from: string; to: string } {
  return { from: `backfill:${id}:`, to: `backfill:${id};` };
}
