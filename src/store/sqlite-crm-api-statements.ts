import type { Database } from 'better-sqlite3';

interface TenantKey {
  crm: string;
  tenantId: string;
}

export interface BackfillRow {
  id: string;
  definition_version: number;
  status: string;
  total: number;
  skipped: number;
  enqueue_done: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

export interface ApprovalRow {
  draft_id: number;
  role: string;
  approver_id: string;
  approver_email: string | null;
  approved_at: string;
}

export interface RejectionRow {
  record_id: string;
  reason: string;
  note: string | null;
  actor_id: string;
  actor_email: string | null;
  rejected_at: string;
}

/** Statements behind the CRM pages' API (migration 5), kept apart from the core ones they never touch. */
export function prepareSqliteCrmApiStatements(db: Database) {
  return {
    upsertSnapshot: db.prepare<TenantKey & { recordId: string; body: string }>(`
      INSERT INTO lead_snapshots (crm, tenant_id, record_id, body) VALUES (@crm, @tenantId, @recordId, @body)
      ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET body = excluded.body`),
    listSnapshots: db.prepare<TenantKey, { body: string }>(
      'SELECT body FROM lead_snapshots WHERE crm = @crm AND tenant_id = @tenantId ORDER BY record_id',
    ),
    deleteSnapshot: db.prepare<TenantKey & { recordId: string }>(
      'DELETE FROM lead_snapshots WHERE crm = @crm AND tenant_id = @tenantId AND record_id = @recordId',
    ),
    insertApproval: db.prepare<TenantKey & { draftId: number; role: string; approverId: string; approverEmail: string | null; approvedAt: string }>(`
      INSERT INTO draft_approvals (crm, tenant_id, draft_id, role, approver_id, approver_email, approved_at)
      VALUES (@crm, @tenantId, @draftId, @role, @approverId, @approverEmail, @approvedAt)
      ON CONFLICT (crm, tenant_id, draft_id, role) DO NOTHING`),
    listApprovals: db.prepare<TenantKey, ApprovalRow>(
      'SELECT * FROM draft_approvals WHERE crm = @crm AND tenant_id = @tenantId ORDER BY approved_at, draft_id, role',
    ),
    insertBackfill: db.prepare<TenantKey & Record<string, unknown>>(`
      INSERT INTO backfills (crm, tenant_id, id, definition_version, status, total, skipped, enqueue_done, created_at, started_at, finished_at, error)
      VALUES (@crm, @tenantId, @id, @definitionVersion, @status, @total, @skipped, @enqueueDone, @createdAt, @startedAt, @finishedAt, @error)`),
    getBackfill: db.prepare<TenantKey & { id: string }, BackfillRow>(
      'SELECT * FROM backfills WHERE crm = @crm AND tenant_id = @tenantId AND id = @id',
    ),
    listBackfills: db.prepare<TenantKey, BackfillRow>(
      'SELECT * FROM backfills WHERE crm = @crm AND tenant_id = @tenantId ORDER BY created_at DESC, id DESC',
    ),
    updateBackfill: db.prepare<TenantKey & { id: string; status: string; total: number; skipped: number; enqueueDone: number; startedAt: string | null; finishedAt: string | null; error: string | null }>(`
      UPDATE backfills SET status = @status, total = @total, skipped = @skipped, enqueue_done = @enqueueDone, started_at = @startedAt,
        finished_at = @finishedAt, error = @error
      WHERE crm = @crm AND tenant_id = @tenantId AND id = @id`),
    // Range on the unique dedupe_key index: ';' is the character after ':'.
    countPendingWithPrefix: db.prepare<TenantKey & { from: string; to: string }, { n: number }>(
      'SELECT count(*) AS n FROM inbox WHERE dedupe_key >= @from AND dedupe_key < @to AND crm = @crm AND tenant_id = @tenantId',
    ),
    countDeadWithPrefix: db.prepare<TenantKey & { from: string; to: string }, { n: number }>(
      'SELECT count(*) AS n FROM dead_letters WHERE dedupe_key >= @from AND dedupe_key < @to AND crm = @crm AND tenant_id = @tenantId',
    ),
    copyTenantInboxToDeadLetters: db.prepare<TenantKey & { reason: string; now: string }>(`
      INSERT INTO dead_letters (dedupe_key, crm, tenant_id, record_id, event, attempts, reason, received_at, dead_at)
      SELECT dedupe_key, crm, tenant_id, record_id, event, attempts, @reason, received_at, @now FROM inbox
      WHERE crm = @crm AND tenant_id = @tenantId ORDER BY id`),
    deleteTenantInbox: db.prepare<TenantKey>('DELETE FROM inbox WHERE crm = @crm AND tenant_id = @tenantId'),
    upsertRejection: db.prepare<TenantKey & { recordId: string; reason: string; note: string | null; actorId: string; actorEmail: string | null; rejectedAt: string }>(`
      INSERT INTO record_rejections (crm, tenant_id, record_id, reason, note, actor_id, actor_email, rejected_at)
      VALUES (@crm, @tenantId, @recordId, @reason, @note, @actorId, @actorEmail, @rejectedAt)
      ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
        actor_id = excluded.actor_id, actor_email = excluded.actor_email, rejected_at = excluded.rejected_at`),
    getRejection: db.prepare<TenantKey & { recordId: string }, RejectionRow>(
      'SELECT * FROM record_rejections WHERE crm = @crm AND tenant_id = @tenantId AND record_id = @recordId',
    ),
    upsertApiKey: db.prepare<TenantKey & { keyHash: string; now: string }>(`
      INSERT INTO api_keys (crm, tenant_id, key_hash, created_at) VALUES (@crm, @tenantId, @keyHash, @now)
      ON CONFLICT (crm, tenant_id) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at`),
    findApiKey: db.prepare<{ crm: string; keyHash: string }, { tenant_id: string }>(
      'SELECT tenant_id FROM api_keys WHERE crm = @crm AND key_hash = @keyHash',
    ),
    forgetExpiredStates: db.prepare<{ now: string }>('DELETE FROM used_oauth_states WHERE expires_at < @now'),
    insertState: db.prepare<{ nonce: string; now: string; expiresAt: string }>(
      'INSERT INTO used_oauth_states (nonce, used_at, expires_at) VALUES (@nonce, @now, @expiresAt) ON CONFLICT (nonce) DO NOTHING',
    ),
  };
}

export type SqliteCrmApiStatements = ReturnType<typeof prepareSqliteCrmApiStatements>;
