/** Where a calibration from the settings page stands; `phase` says what a running one is doing. */
export type CalibrationJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type CalibrationJobPhase = 'reading' | 'learning';

/**
 * A calibration started from the settings page: reading the CRM's outcomes and learning from them
 * takes longer than a request may, so it runs in the background and the page polls this record.
 */
export interface CalibrationJobRecord {
  id: string;
  status: CalibrationJobStatus;
  phase: CalibrationJobPhase | null;
  /** Outcomes read from the CRM so far. */
  outcomesRead: number;
  /** The newest share of outcomes judged on; null: the default. */
  holdout: number | null;
  /** Who asked (the actor as definitions record their author). */
  requestedBy: string;
  createdAt: string;
  /** Last progress: a running job that stops updating was lost with its instance. */
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The draft it saved (succeeded only). */
  draftId: number | null;
  /** The report's headline as JSON (succeeded only). */
  summary: Record<string, unknown> | null;
  /** Why it failed, in words; `errorCode` is the API's machine code for it. */
  error: string | null;
  errorCode: string | null;
}

export type CalibrationJobPatch = Partial<Pick<CalibrationJobRecord, 'status' | 'phase' | 'outcomesRead' | 'updatedAt' | 'startedAt' | 'finishedAt' | 'draftId' | 'summary' | 'error' | 'errorCode'>>;

/** A job row as both databases hand it back (SQLite: ISO text; Postgres: Date). */
export interface CalibrationJobRow {
  id: string;
  status: string;
  phase: string | null;
  outcomes_read: number | string;
  holdout: number | null;
  requested_by: string;
  created_at: string | Date;
  updated_at: string | Date;
  started_at: string | Date | null;
  finished_at: string | Date | null;
  draft_id: number | string | null;
  summary: string | null;
  error: string | null;
  error_code: string | null;
}

export const calibrationJobColumns =
  'id, status, phase, outcomes_read, holdout, requested_by, created_at, updated_at, started_at, finished_at, draft_id, summary, error, error_code';

const iso = (value: string | Date): string => (typeof value === 'string' ? value : value.toISOString());

export function toCalibrationJob(row: CalibrationJobRow): CalibrationJobRecord {
  return {
    id: row.id,
    status: row.status as CalibrationJobStatus,
    phase: row.phase as CalibrationJobPhase | null,
    outcomesRead: Number(row.outcomes_read),
    holdout: row.holdout === null ? null : Number(row.holdout),
    requestedBy: row.requested_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    startedAt: row.started_at === null ? null : iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    draftId: row.draft_id === null ? null : Number(row.draft_id),
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    error: row.error,
    errorCode: row.error_code,
  };
}

/** The column values of a job, in `calibrationJobColumns` order. */
export function calibrationJobValues(job: CalibrationJobRecord): unknown[] {
  return [
    job.id,
    job.status,
    job.phase,
    job.outcomesRead,
    job.holdout,
    job.requestedBy,
    job.createdAt,
    job.updatedAt,
    job.startedAt,
    job.finishedAt,
    job.draftId,
    job.summary === null ? null : JSON.stringify(job.summary),
    job.error,
    job.errorCode,
  ];
}
