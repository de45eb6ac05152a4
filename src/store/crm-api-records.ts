/** Rows behind the CRM pages' API: sign-offs, re-scoring runs, rejections sent from the card, install nonces. */

export type ApprovalRole = 'sales' | 'marketing';

/** One sign-off of one draft: at most one per role, by whoever signed it first. */
export interface DraftApproval {
  draftId: number;
  role: ApprovalRole;
  approverId: string;
  approverEmail: string | null;
  approvedAt: string;
}

export type BackfillStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A re-scoring of every open lead under one published version. */
export interface BackfillRecord {
  id: string;
  definitionVersion: number;
  status: BackfillStatus;
  /** Records enqueued so far. */
  total: number;
  /** Records left alone because sales already accepted (stage sql) or rejected them: re-scoring them would undo the rep's call. */
  skipped: number;
  /** True once every page of record ids was enqueued: only then can the run be done. */
  enqueueDone: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export type BackfillPatch = Partial<Pick<BackfillRecord, 'status' | 'total' | 'skipped' | 'enqueueDone' | 'startedAt' | 'finishedAt' | 'error'>>;

/** Where a backfill's events stand in the queue: still waiting, or given up on. */
export interface BackfillQueueCounts {
  pending: number;
  failed: number;
}

/** A rejection a rep sent from the record card, with who sent it (the CRM fields do not say). */
export interface RecordRejection {
  recordId: string;
  reason: string;
  note: string | null;
  actorId: string;
  actorEmail: string | null;
  rejectedAt: string;
}
