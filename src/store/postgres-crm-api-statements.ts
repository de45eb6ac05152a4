import type { PostgresStatement } from './postgres-statements';

function statement(name: string, text: string): PostgresStatement {
  return { name: `accord_api_${name}`, text };
}

const backfillColumns = 'id, definition_version, status, total, enqueue_done, created_at, started_at, finished_at, error, skipped';
const approvalColumns = 'draft_id, role, approver_id, approver_email, approved_at';
const rejectionColumns = 'record_id, reason, note, actor_id, actor_email, rejected_at';

/** Statements behind the CRM pages' API (migration 5), mirroring sqlite-crm-api-statements.ts. */
export const postgresCrmApiStatements = {
  upsertSnapshots: statement('upsert_snapshots', `
    INSERT INTO lead_snapshots (crm, tenant_id, record_id, body)
    SELECT $1, $2, r, b FROM unnest($3::text[], $4::jsonb[]) AS t(r, b)
    ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET body = excluded.body`),
  listSnapshots: statement('list_snapshots', 'SELECT body FROM lead_snapshots WHERE crm = $1 AND tenant_id = $2 ORDER BY record_id'),
  deleteSnapshot: statement('delete_snapshot', 'DELETE FROM lead_snapshots WHERE crm = $1 AND tenant_id = $2 AND record_id = $3'),
  insertApproval: statement('insert_approval', `
    INSERT INTO draft_approvals (crm, tenant_id, ${approvalColumns})
    VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
    ON CONFLICT (crm, tenant_id, draft_id, role) DO NOTHING`),
  listApprovals: statement('list_approvals', `
    SELECT ${approvalColumns} FROM draft_approvals WHERE crm = $1 AND tenant_id = $2 ORDER BY approved_at, draft_id, role`),
  insertBackfill: statement('insert_backfill', `
    INSERT INTO backfills (crm, tenant_id, ${backfillColumns})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11, $12)`),
  getBackfill: statement('get_backfill', `SELECT ${backfillColumns} FROM backfills WHERE crm = $1 AND tenant_id = $2 AND id = $3`),
  getBackfillForUpdate: statement('get_backfill_for_update', `
    SELECT ${backfillColumns} FROM backfills WHERE crm = $1 AND tenant_id = $2 AND id = $3 FOR UPDATE`),
  listBackfills: statement('list_backfills', `
    SELECT ${backfillColumns} FROM backfills WHERE crm = $1 AND tenant_id = $2 ORDER BY created_at DESC, id DESC`),
  updateBackfill: statement('update_backfill', `
    UPDATE backfills SET status = $4, total = $5, enqueue_done = $6, started_at = $7::timestamptz,
      finished_at = $8::timestamptz, error = $9, skipped = $10
    WHERE crm = $1 AND tenant_id = $2 AND id = $3`),
  // Range on the unique dedupe_key index (COLLATE "C": byte order, ';' follows ':').
  backfillQueueCounts: statement('backfill_queue_counts', `
    SELECT
      (SELECT count(*) FROM inbox WHERE dedupe_key >= $3 AND dedupe_key < $4 AND crm = $1 AND tenant_id = $2) AS pending,
      (SELECT count(*) FROM dead_letters WHERE dedupe_key >= $3 AND dedupe_key < $4 AND crm = $1 AND tenant_id = $2) AS failed`),
  drainTenantInbox: statement('drain_tenant_inbox', `
    WITH drained AS (DELETE FROM inbox WHERE crm = $1 AND tenant_id = $2
      RETURNING id, dedupe_key, crm, tenant_id, record_id, event, attempts, received_at)
    INSERT INTO dead_letters (dedupe_key, crm, tenant_id, record_id, event, attempts, reason, received_at, dead_at)
    SELECT dedupe_key, crm, tenant_id, record_id, event, attempts, $3, received_at, $4::timestamptz FROM drained ORDER BY id`),
  upsertRejection: statement('upsert_rejection', `
    INSERT INTO record_rejections (crm, tenant_id, ${rejectionColumns})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)
    ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
      actor_id = excluded.actor_id, actor_email = excluded.actor_email, rejected_at = excluded.rejected_at`),
  getRejection: statement('get_rejection', `
    SELECT ${rejectionColumns} FROM record_rejections WHERE crm = $1 AND tenant_id = $2 AND record_id = $3`),
  upsertApiKey: statement('upsert_api_key', `
    INSERT INTO api_keys (crm, tenant_id, key_hash, created_at) VALUES ($1, $2, $3, $4::timestamptz)
    ON CONFLICT (crm, tenant_id) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at`),
  findApiKey: statement('find_api_key', 'SELECT tenant_id FROM api_keys WHERE crm = $1 AND key_hash = $2'),
  forgetExpiredStates: statement('forget_expired_states', 'DELETE FROM used_oauth_states WHERE expires_at < $1::timestamptz'),
  insertState: statement('insert_state', `
    INSERT INTO used_oauth_states (nonce, used_at, expires_at) VALUES ($1, $2::timestamptz, $3::timestamptz) ON CONFLICT (nonce) DO NOTHING`),
};
