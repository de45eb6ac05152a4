import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import type { CrmEvent } from '../core/crm-event';
import type { Decision } from '../core/decision';
import type { Definition } from '../core/definition';
import type { FeedbackRecord } from '../core/feedback-record';
import type { WeeklyDigest } from '../core/notify/weekly-digest';
import type { CrmKind, Lead, TenantRef } from '../core/lead';
import type { Owner } from '../core/owner';
import type { RoutingState } from '../core/routing-state';
import { chunk } from '../core/chunk';
import { isoInstant } from './iso-instant';
import { perRecordTables, purgeCondition, type PurgeCounts } from './per-record-tables';
import { applyPostgresMigrations } from './postgres-apply-migrations';
import { postgresLockKeys } from './postgres-lock-keys';
import { postgresPoolConfig } from './postgres-pool-config';
import {
  toAuditEntry,
  toDeadLetter,
  toDefinitionRecord,
  toDigestRecord,
  toInboxRow,
  toTenantRecord,
  type AuditRow,
  type DeadLetterRow,
  type DefinitionRow,
  type DigestRow,
  type InboxRowRow,
  type LeadFactsRow,
  type TenantRow,
  toLeadFacts,
} from './postgres-rows';
import { postgresStatements as sql, type PostgresStatement } from './postgres-statements';
import { postgresCrmApiStatements as api } from './postgres-crm-api-statements';
import type { NewShadowRun, ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import { PostgresShadowRuns } from './postgres-shadow-runs';
import { PostgresCalibrationJobs } from './postgres-calibration-jobs';
import { PostgresChannelSettings } from './postgres-channel-settings';
import type { ChannelSettingsRecord } from './channel-settings-record';
import type { CalibrationJobPatch, CalibrationJobRecord } from './calibration-job-records';
import type { BackfillPatch, BackfillQueueCounts, BackfillRecord, DraftApproval, RecordRejection } from './crm-api-records';
import { backfillKeyRange, queuedBackfill, toBackfillRecord, toDraftApproval, toRecordRejection } from './crm-api-rows';
import { postgresErrorCode, postgresTransaction, retryingConflicts } from './postgres-transaction';
import type {
  AuditEntry,
  DeadLetter,
  DecisionCommit,
  DecisionRange,
  DefinitionRecord,
  DigestRecord,
  EnqueueResult,
  FeedbackRange,
  InboxRow,
  LeadFacts,
  PublishedWithBackfill,
  Store,
  TenantRecord,
} from './store';

/** Rows per multi-row INSERT: bounds each statement's parameters and work, as the SQLite store bounds its lists. */
const rowsPerInsert = 500;

/** Anything that runs a query: the pool (one statement, its own transaction) or a client inside one. */
type Queryable = Pick<Pool, 'query'> | PoolClient;

/**
 * The shared store: several Accord instances on one Postgres database. Every port method is one
 * transaction: BEGIN … COMMIT on one pooled connection when it takes several statements, or a
 * single statement, which Postgres runs as a transaction of its own; wrapping that one in BEGIN and
 * COMMIT too would add two round trips to every claim and ack and make nothing more atomic.
 * Claims use FOR UPDATE SKIP LOCKED so instances never take the same inbox row; leases are rows,
 * so exactly one instance holds a job at a time.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private closed = false;
  private shadowRuns: PostgresShadowRuns | undefined;
  private calibrationJobs: PostgresCalibrationJobs | undefined;
  private channelSettings: PostgresChannelSettings | undefined;

  /** `databaseUrl` is a postgres:// URL; call migrate() before first use of a new database. */
  constructor(databaseUrl: string) {
    this.pool = new Pool(postgresPoolConfig(databaseUrl));
    // An idle connection the server dropped (restart, failover) is discarded by the pool; the next
    // query opens a new one and reports any lasting problem. Without a listener it would crash the process.
    this.pool.on('error', () => undefined);
  }

  async migrate(): Promise<void> {
    await applyPostgresMigrations(this.pool);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async upsertTenant(tenant: TenantRecord): Promise<void> {
    await run(this.pool, sql.upsertTenant, [
      tenant.crm,
      tenant.tenantId,
      tenant.name,
      tenant.active,
      tenant.credentials,
      tenant.instanceUrl,
      isoInstant(tenant.installedAt, 'installedAt'),
      isoInstant(tenant.updatedAt, 'updatedAt'),
    ]);
  }

  async getTenant(ref: TenantRef): Promise<TenantRecord | null> {
    const [row] = await rowsOf<TenantRow>(this.pool, sql.getTenant, tenantKey(ref));
    return row ? toTenantRecord(row) : null;
  }

  async listTenants(crm?: CrmKind): Promise<TenantRecord[]> {
    const rows = crm
      ? await rowsOf<TenantRow>(this.pool, sql.listTenantsOfCrm, [crm])
      : await rowsOf<TenantRow>(this.pool, sql.listTenants, []);
    return rows.map(toTenantRecord);
  }

  async setTenantActive(ref: TenantRef, active: boolean, now: string): Promise<void> {
    const { rowCount } = await run(this.pool, sql.setTenantActive, [...tenantKey(ref), active, isoInstant(now, 'now')]);
    if (rowCount === 0) throw new Error(`tenant ${describeTenant(ref)} is not installed`);
  }

  async saveDraft(ref: TenantRef, definition: Definition, author: string, now: string): Promise<DefinitionRecord> {
    const rows = await rowsOf<DefinitionRow>(this.pool, sql.insertDraft, [
      ...tenantKey(ref),
      JSON.stringify(definition),
      author,
      isoInstant(now, 'now'),
    ]);
    return toDefinitionRecord(returned(rows[0], 'the saved draft'));
  }

  async publishDraft(ref: TenantRef, draftId: number, publisher: string, now: string): Promise<DefinitionRecord> {
    const publishedAt = isoInstant(now, 'now');
    if (!Number.isSafeInteger(draftId)) {
      throw new Error(`definition draft ${draftId} does not exist for tenant ${describeTenant(ref)}`);
    }
    return this.transaction((client) => publishWithin(client, ref, draftId, publisher, publishedAt));
  }

  async publishDraftWithBackfill(ref: TenantRef, draftId: number, publisher: string, now: string, backfillId: string): Promise<PublishedWithBackfill> {
    const publishedAt = isoInstant(now, 'now');
    if (!Number.isSafeInteger(draftId)) {
      throw new Error(`definition draft ${draftId} does not exist for tenant ${describeTenant(ref)}`);
    }
    return this.transaction(async (client) => {
      const published = await publishWithin(client, ref, draftId, publisher, publishedAt);
      const b = queuedBackfill(backfillId, published.version, publishedAt);
      await run(client, api.insertBackfill, [
        ...tenantKey(ref), b.id, b.definitionVersion, b.status, b.total, b.enqueueDone, b.createdAt, b.startedAt, b.finishedAt, b.error, b.skipped,
      ]);
      return { published, backfill: b };
    });
  }

  async getPublishedDefinition(ref: TenantRef): Promise<DefinitionRecord | null> {
    const [row] = await rowsOf<DefinitionRow>(this.pool, sql.getPublishedDefinition, tenantKey(ref));
    return row ? toDefinitionRecord(row) : null;
  }

  async getDefinition(ref: TenantRef, id: number): Promise<DefinitionRecord | null> {
    if (!Number.isSafeInteger(id)) return null;
    const [row] = await rowsOf<DefinitionRow>(this.pool, sql.getDefinition, [...tenantKey(ref), id]);
    return row ? toDefinitionRecord(row) : null;
  }

  async listDefinitions(ref: TenantRef): Promise<DefinitionRecord[]> {
    return (await rowsOf<DefinitionRow>(this.pool, sql.listDefinitions, tenantKey(ref))).map(toDefinitionRecord);
  }

  async enqueueEvents(events: CrmEvent[], receivedAt: string): Promise<EnqueueResult> {
    const at = isoInstant(receivedAt, 'receivedAt');
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    const inserted = await this.transaction(async (client) => {
      const ids: string[] = [];
      for (const batch of chunk(events, rowsPerInsert)) {
        const rows = await rowsOf<{ id: string }>(client, sql.enqueueEvents, [
          batch.map((event) => event.dedupeKey),
          batch.map((event) => event.crm),
          batch.map((event) => event.tenantId),
          batch.map((event) => event.recordId),
          batch.map((event) => JSON.stringify(event)),
          at,
        ]);
        ids.push(...rows.map((row) => row.id));
      }
      if (ids.length === 0) return 0;
      // The INSERT checked processed_keys and dead_letters in its snapshot. An ack committing
      // meanwhile deletes the key's inbox row and records the key: the INSERT waits for that row,
      // finds it gone and inserts a redelivery that was already processed. This second look, in a
      // newer snapshot, sees the ack and takes the row back out before anyone can claim it.
      const { rowCount } = await run(client, sql.dropSettledDuplicates, [ids]);
      return ids.length - (rowCount ?? 0);
    });
    return { inserted, duplicates: events.length - inserted };
  }

  async claimEvents(workerId: string, limit: number, now: string, leaseUntil: string): Promise<InboxRow[]> {
    // Postgres refuses a negative LIMIT; refuse it here too, with the same words as the SQLite store.
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`claim limit must be a whole number ≥ 0, got ${limit}`);
    if (limit === 0) return [];
    const times = [isoInstant(now, 'now'), isoInstant(leaseUntil, 'leaseUntil')];
    // Under READ COMMITTED the claim's snapshot is taken after the lock: another instance's claim of
    // the same tenant has committed by then, so the tenant check in the statement sees it.
    const rows = await this.transaction(async (client) => {
      await run(client, sql.lockClaims, [postgresLockKeys.claims]);
      return rowsOf<InboxRowRow>(client, sql.claimEvents, [workerId, ...times, limit]);
    });
    return rows.map(toInboxRow).sort((a, b) => a.id - b.id);
  }

  async ackEvents(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await run(this.pool, sql.ackEvents, [rowIds(ids)]);
  }

  async retryEvents(ids: number[], availableAt: string, error: string): Promise<void> {
    if (ids.length === 0) return;
    await run(this.pool, sql.retryEvents, [rowIds(ids), isoInstant(availableAt, 'availableAt'), error]);
  }

  async deadLetterEvents(ids: number[], reason: string, now: string): Promise<void> {
    if (ids.length === 0) return;
    await run(this.pool, sql.deadLetterEvents, [rowIds(ids), reason, isoInstant(now, 'now')]);
  }

  async listDeadLetters(ref?: TenantRef): Promise<DeadLetter[]> {
    const rows = ref
      ? await rowsOf<DeadLetterRow>(this.pool, sql.listTenantDeadLetters, tenantKey(ref))
      : await rowsOf<DeadLetterRow>(this.pool, sql.listDeadLetters, []);
    return rows.map(toDeadLetter);
  }

  async requeueDeadLetters(ids: number[] | 'all', now: string): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const at = isoInstant(now, 'now');
    const { rowCount } = await run(this.pool, sql.requeueDeadLetters, [ids === 'all', rowIds(ids === 'all' ? [] : ids), at]);
    return rowCount ?? 0;
  }

  async inboxStats(_now: string): Promise<{ pending: number; oldestReceivedAt: string | null; deadLetters: number }> {
    // "pending" is the whole backlog: rows waiting, waiting for a retry, or being processed right now.
    const [row] = await rowsOf<{ pending: number; oldest: Date | null; dead_letters: number }>(this.pool, sql.inboxStats, []);
    const stats = returned(row, 'the inbox stats');
    return { pending: stats.pending, oldestReceivedAt: stats.oldest?.toISOString() ?? null, deadLetters: stats.dead_letters };
  }

  async pruneProcessedKeys(olderThan: string): Promise<number> {
    const { rowCount } = await run(this.pool, sql.pruneProcessedKeys, [isoInstant(olderThan, 'olderThan')]);
    return rowCount ?? 0;
  }

  async commitDecisions(
    ref: TenantRef,
    commits: DecisionCommit[],
    routingState: RoutingState,
    audit: AuditEntry[],
  ): Promise<void> {
    for (const { decision } of commits) refuseOtherTenant(ref, decision, `decision for record ${decision.recordId}`);
    for (const entry of audit) refuseOtherTenant(ref, entry.tenant, `audit entry "${entry.action}"`);
    await this.transaction(async (client) => {
      for (const batch of chunk(commits, rowsPerInsert)) {
        await run(client, sql.insertDecisions, [
          ...tenantKey(ref),
          batch.map(({ decision }) => decision.recordId),
          batch.map(({ decision }) => isoInstant(decision.decidedAt, 'decidedAt')),
          batch.map(({ decision }) => decision.stage),
          batch.map(({ decision }) => decision.score),
          batch.map(({ decision }) => decision.definitionVersion),
          batch.map(({ decision }) => JSON.stringify(decision)),
          batch.map(({ writtenFields }) => JSON.stringify(writtenFields)),
        ]);
      }
      await run(client, sql.upsertRoutingState, [...tenantKey(ref), JSON.stringify(routingState)]);
      await insertAudit(client, audit);
    });
  }

  async getLatestDecision(ref: TenantRef, recordId: string): Promise<Decision | null> {
    const [row] = await rowsOf<{ body: Decision }>(this.pool, sql.latestDecision, [...tenantKey(ref), recordId]);
    return row ? row.body : null;
  }

  async getLatestDecisions(ref: TenantRef, recordIds: string[]): Promise<Map<string, Decision>> {
    if (recordIds.length === 0) return new Map();
    const rows = await rowsOf<{ record_id: string; body: Decision }>(this.pool, sql.latestDecisionsOf, [
      ...tenantKey(ref),
      [...new Set(recordIds)],
    ]);
    return new Map(rows.map((row) => [row.record_id, row.body]));
  }

  async listCurrentDecisions(ref: TenantRef): Promise<Decision[]> {
    return (await rowsOf<{ body: Decision }>(this.pool, sql.currentDecisions, tenantKey(ref))).map((row) => row.body);
  }

  async decisionHistory(ref: TenantRef, recordId: string): Promise<Decision[]> {
    const rows = await rowsOf<{ body: Decision }>(this.pool, sql.decisionHistory, [...tenantKey(ref), recordId]);
    return rows.map((row) => row.body);
  }

  async listDecisionHistory(ref: TenantRef, range: DecisionRange = {}): Promise<Decision[]> {
    const from = range.from === undefined ? null : isoInstant(range.from, 'from');
    const to = range.to === undefined ? null : isoInstant(range.to, 'to');
    const rows = await rowsOf<{ body: Decision }>(this.pool, sql.decisionsInRange, [...tenantKey(ref), from, to]);
    return rows.map((row) => row.body);
  }

  async upsertLeadFacts(ref: TenantRef, facts: LeadFacts[], now: string): Promise<void> {
    if (facts.length === 0) return;
    const updatedAt = isoInstant(now, 'now');
    for (const f of facts) {
      if (f.amount !== null && !Number.isFinite(f.amount)) throw new Error(`amount of record ${f.recordId} is not a finite number`);
    }
    const last = [...new Map(facts.map((f) => [f.recordId, f])).values()];
    const time = (value: string | null, what: string) => (value === null ? null : isoInstant(value, what));
    await this.transaction(async (client) => {
      for (const batch of chunk(last, rowsPerInsert)) {
        await run(client, sql.upsertLeadFacts, [
          ...tenantKey(ref),
          batch.map((f) => f.recordId),
          batch.map((f) => time(f.createdAt, `createdAt of record ${f.recordId}`)),
          batch.map((f) => f.source),
          batch.map((f) => f.campaign),
          batch.map((f) => f.country),
          batch.map((f) => f.region),
          batch.map((f) => f.outcome),
          batch.map((f) => time(f.outcomeAt, `outcomeAt of record ${f.recordId}`)),
          batch.map((f) => f.amount),
          updatedAt,
        ]);
      }
    });
  }

  async listLeadFacts(ref: TenantRef): Promise<LeadFacts[]> {
    return (await rowsOf<LeadFactsRow>(this.pool, sql.listLeadFacts, tenantKey(ref))).map(toLeadFacts);
  }

  async getRoutingState(ref: TenantRef): Promise<RoutingState> {
    const [row] = await rowsOf<{ state: RoutingState }>(this.pool, sql.getRoutingState, tenantKey(ref));
    return row ? row.state : {};
  }

  async replaceOwners(ref: TenantRef, owners: Owner[], now: string): Promise<void> {
    const syncedAt = isoInstant(now, 'now');
    const listed = firstPlaceLastDetails(owners);
    await this.transaction(async (client) => {
      // Two syncs of one tenant at once would each delete the rows they can see and then mix their
      // inserts; the tenant's lock makes the second replace the first's list whole.
      await run(client, sql.lockTenant, [postgresLockKeys.owners, ...tenantKey(ref)]);
      await run(client, sql.deleteOwners, tenantKey(ref));
      for (const batch of chunk(listed, rowsPerInsert)) {
        await run(client, sql.insertOwners, [
          ...tenantKey(ref),
          batch.map(({ owner }) => owner.id),
          batch.map(({ position }) => position),
          batch.map(({ owner }) => JSON.stringify(owner)),
          syncedAt,
        ]);
      }
    });
  }

  async listOwners(ref: TenantRef): Promise<Owner[]> {
    return (await rowsOf<{ body: Owner }>(this.pool, sql.listOwners, tenantKey(ref))).map((row) => row.body);
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.transaction((client) => insertAudit(client, entries));
  }

  async purgeRecord(ref: TenantRef, recordId: string, now: string): Promise<PurgeCounts> {
    const at = isoInstant(now, 'now');
    return this.transaction(async (client) => {
      const counts = {} as PurgeCounts;
      for (const table of perRecordTables) {
        const sql = `DELETE FROM ${table} WHERE crm = $1 AND tenant_id = $2 AND record_id = $3${purgeCondition(table)}`;
        counts[table] = (await client.query(sql, [...tenantKey(ref), recordId])).rowCount ?? 0;
      }
      await insertAudit(client, [{ tenant: ref, at, actor: 'accord', action: 'record.purged', recordId, detail: { ...counts } }]);
      return counts;
    });
  }

  async listAudit(ref: TenantRef, limit: number): Promise<AuditEntry[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`audit limit must be a whole number ≥ 0, got ${limit}`);
    return (await rowsOf<AuditRow>(this.pool, sql.listAudit, [...tenantKey(ref), limit])).map(toAuditEntry);
  }

  async getCursor(ref: TenantRef, name: string): Promise<string | null> {
    const [row] = await rowsOf<{ value: string }>(this.pool, sql.getCursor, [...tenantKey(ref), name]);
    return row ? row.value : null;
  }

  async setCursor(ref: TenantRef, name: string, value: string, now: string): Promise<void> {
    await run(this.pool, sql.setCursor, [...tenantKey(ref), name, value, isoInstant(now, 'now')]);
  }

  /*
   * The lease is a row, not an advisory lock held for the job's length: a row is durable (it
   * outlives a dropped connection or a restarted pool), visible (`SELECT * FROM leases` shows who runs
   * what until when), and expires, so a hung holder is replaced after `until`; a session advisory lock
   * would also pin one pooled connection for the whole run. The conditional upsert alone decides
   * correctly, since ON CONFLICT locks the row and re-reads it. The transaction-scoped advisory lock
   * in front lets instances whose cron fires in the same second not queue on that row: the one that
   * loses the try gets false at once. The price is a rare false for a holder renewing at the very
   * moment another instance asks; its lease still runs to the old `until`, and no false answer can
   * ever give a job to two instances.
   */
  async recordFeedback(ref: TenantRef, records: FeedbackRecord[], now: string): Promise<number> {
    for (const record of records) refuseOtherTenant(ref, record, `feedback for record ${record.recordId}`);
    if (records.length === 0) return 0;
    const at = isoInstant(now, 'now');
    return this.transaction(async (client) => {
      let inserted = 0;
      for (const batch of chunk(records, rowsPerInsert)) {
        const { rowCount } = await run(client, sql.insertFeedback, [
          ...tenantKey(ref),
          batch.map((r) => r.recordId),
          batch.map((r) => isoInstant(r.rejectedAt, `rejectedAt of record ${r.recordId}`)),
          batch.map((r) => r.reason),
          batch.map((r) => r.source),
          batch.map((r) => r.campaign),
          batch.map((r) => JSON.stringify(r)),
          at,
        ]);
        inserted += rowCount ?? 0;
      }
      return inserted;
    });
  }

  async listFeedback(ref: TenantRef, range: FeedbackRange = {}): Promise<FeedbackRecord[]> {
    const since = range.since === undefined ? null : isoInstant(range.since, 'since');
    const until = range.until === undefined ? null : isoInstant(range.until, 'until');
    return (await rowsOf<{ body: FeedbackRecord }>(this.pool, sql.listFeedback, [...tenantKey(ref), since, until])).map((row) => row.body);
  }

  async saveDigest(ref: TenantRef, digest: WeeklyDigest, now: string): Promise<DigestRecord> {
    const values = [...tenantKey(ref), isoInstant(digest.periodEnd, 'periodEnd'), JSON.stringify(digest), isoInstant(now, 'now')];
    const [row] = await rowsOf<DigestRow>(this.pool, sql.insertDigest, values);
    return toDigestRecord(returned(row, 'the saved digest'));
  }

  async latestDigest(ref: TenantRef): Promise<DigestRecord | null> {
    const [row] = await rowsOf<DigestRow>(this.pool, sql.latestDigest, tenantKey(ref));
    return row ? toDigestRecord(row) : null;
  }

  async listOpenSlas(ref: TenantRef, dueBefore?: string): Promise<Decision[]> {
    const cutoff = dueBefore === undefined ? null : Date.parse(isoInstant(dueBefore, 'dueBefore'));
    const rows = await rowsOf<{ body: Decision }>(this.pool, sql.openSlas, tenantKey(ref));
    return rows.map((row) => row.body).filter((d) => d.slaDueAt !== null && (cutoff === null || Date.parse(d.slaDueAt) < cutoff));
  }

  async upsertLeadSnapshots(ref: TenantRef, leads: Lead[]): Promise<void> {
    if (leads.length === 0) return;
    for (const lead of leads) refuseOtherTenant(ref, lead, `lead snapshot of record ${lead.recordId}`);
    const last = [...new Map(leads.map((l) => [l.recordId, l])).values()];
    await this.transaction(async (client) => {
      for (const batch of chunk(last, rowsPerInsert)) {
        await run(client, api.upsertSnapshots, [...tenantKey(ref), batch.map((l) => l.recordId), batch.map((l) => JSON.stringify(l))]);
      }
    });
  }

  async listLeadSnapshots(ref: TenantRef): Promise<Lead[]> {
    return (await rowsOf<{ body: Lead }>(this.pool, api.listSnapshots, tenantKey(ref))).map((row) => row.body);
  }

  async deleteLeadSnapshot(ref: TenantRef, recordId: string): Promise<void> {
    await run(this.pool, api.deleteSnapshot, [...tenantKey(ref), recordId]);
  }

  async addDraftApproval(ref: TenantRef, approval: DraftApproval): Promise<boolean> {
    const values = [...tenantKey(ref), approval.draftId, approval.role, approval.approverId, approval.approverEmail, isoInstant(approval.approvedAt, 'approvedAt')];
    return (await run(this.pool, api.insertApproval, values)).rowCount === 1;
  }

  async listDraftApprovals(ref: TenantRef): Promise<DraftApproval[]> {
    return (await rowsOf<Parameters<typeof toDraftApproval>[0]>(this.pool, api.listApprovals, tenantKey(ref))).map(toDraftApproval);
  }

  async createBackfill(ref: TenantRef, b: BackfillRecord): Promise<void> {
    await run(this.pool, api.insertBackfill, [
      ...tenantKey(ref), b.id, b.definitionVersion, b.status, b.total, b.enqueueDone, b.createdAt, b.startedAt, b.finishedAt, b.error, b.skipped,
    ]);
  }

  async getBackfill(ref: TenantRef, id: string): Promise<BackfillRecord | null> {
    const [row] = await rowsOf<Parameters<typeof toBackfillRecord>[0]>(this.pool, api.getBackfill, [...tenantKey(ref), id]);
    return row ? toBackfillRecord(row) : null;
  }

  async listBackfills(ref: TenantRef): Promise<BackfillRecord[]> {
    return (await rowsOf<Parameters<typeof toBackfillRecord>[0]>(this.pool, api.listBackfills, tenantKey(ref))).map(toBackfillRecord);
  }

  async updateBackfill(ref: TenantRef, id: string, patch: BackfillPatch): Promise<void> {
    await this.transaction(async (client) => {
      const [row] = await rowsOf<Parameters<typeof toBackfillRecord>[0]>(client, api.getBackfillForUpdate, [...tenantKey(ref), id]);
      if (!row) throw new Error(`backfill ${id} does not exist for tenant ${describeTenant(ref)}`);
      const n = { ...toBackfillRecord(row), ...patch };
      await run(client, api.updateBackfill, [...tenantKey(ref), id, n.status, n.total, n.enqueueDone, n.startedAt, n.finishedAt, n.error, n.skipped]);
    });
  }

  async backfillQueueCounts(ref: TenantRef, id: string): Promise<BackfillQueueCounts> {
    const range = backfillKeyRange(id);
    const [row] = await rowsOf<{ pending: string; failed: string }>(this.pool, api.backfillQueueCounts, [...tenantKey(ref), range.from, range.to]);
    return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  }

  async deadLetterTenantInbox(ref: TenantRef, reason: string, now: string): Promise<number> {
    return (await run(this.pool, api.drainTenantInbox, [...tenantKey(ref), reason, isoInstant(now, 'now')])).rowCount ?? 0;
  }

  async saveRecordRejection(ref: TenantRef, r: RecordRejection): Promise<void> {
    await run(this.pool, api.upsertRejection, [...tenantKey(ref), r.recordId, r.reason, r.note, r.actorId, r.actorEmail, isoInstant(r.rejectedAt, 'rejectedAt')]);
  }

  async getRecordRejection(ref: TenantRef, recordId: string): Promise<RecordRejection | null> {
    const [row] = await rowsOf<Parameters<typeof toRecordRejection>[0]>(this.pool, api.getRejection, [...tenantKey(ref), recordId]);
    return row ? toRecordRejection(row) : null;
  }

  async setApiKeyHash(ref: TenantRef, keyHash: string, now: string): Promise<void> {
    await run(this.pool, api.upsertApiKey, [...tenantKey(ref), keyHash, isoInstant(now, 'now')]);
  }

  async findTenantByApiKeyHash(crm: CrmKind, keyHash: string): Promise<TenantRef | null> {
    const [row] = await rowsOf<{ tenant_id: string }>(this.pool, api.findApiKey, [crm, keyHash]);
    return row ? { crm, tenantId: row.tenant_id } : null;
  }

  async useOauthState(nonce: string, now: string, expiresAt: string): Promise<boolean> {
    const at = isoInstant(now, 'now');
    return this.transaction(async (client) => {
      await run(client, api.forgetExpiredStates, [at]);
      return (await run(client, api.insertState, [nonce, at, isoInstant(expiresAt, 'expiresAt')])).rowCount === 1;
    });
  }

  async tryAcquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const times = [isoInstant(now, 'now'), isoInstant(until, 'until')];
    return this.transaction(async (client) => {
      const [lock] = await rowsOf<{ locked: boolean }>(client, sql.tryLockLease, [postgresLockKeys.lease, name]);
      if (!lock?.locked) return false;
      const { rowCount } = await run(client, sql.acquireLease, [name, holder, ...times]);
      return rowCount === 1;
    });
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await run(this.pool, sql.releaseLease, [name, holder]);
  }

  async startShadowRun(ref: TenantRef, run: NewShadowRun): Promise<ShadowRun> {
    return this.shadow.start(ref, run);
  }

  async stopShadowRun(ref: TenantRef, id: number, now: string): Promise<ShadowRun | null> {
    return this.shadow.stop(ref, id, now);
  }

  async getShadowRun(ref: TenantRef, id: number): Promise<ShadowRun | null> {
    return this.shadow.get(ref, id);
  }

  async getActiveShadowRun(ref: TenantRef, now: string): Promise<ShadowRun | null> {
    return this.shadow.active(ref, now);
  }

  async listShadowRuns(ref: TenantRef): Promise<ShadowRun[]> {
    return this.shadow.list(ref);
  }

  async saveShadowDecisions(ref: TenantRef, runId: number, decisions: ShadowDecision[]): Promise<void> {
    return this.shadow.save(ref, runId, decisions);
  }

  async getShadowDecisions(ref: TenantRef, runId: number, recordIds: string[]): Promise<Map<string, ShadowDecision>> {
    return this.shadow.decisionsOf(ref, runId, recordIds);
  }

  async listShadowDecisions(ref: TenantRef, runId: number): Promise<ShadowDecision[]> {
    return this.shadow.listDecisions(ref, runId);
  }

  async createCalibrationJob(ref: TenantRef, job: CalibrationJobRecord): Promise<void> {
    return this.calibrations.create(ref, job);
  }

  async getCalibrationJob(ref: TenantRef, id: string): Promise<CalibrationJobRecord | null> {
    return this.calibrations.get(ref, id);
  }

  async updateCalibrationJob(ref: TenantRef, id: string, patch: CalibrationJobPatch): Promise<void> {
    return this.calibrations.update(ref, id, patch);
  }

  async getChannelSettings(ref: TenantRef): Promise<ChannelSettingsRecord | null> {
    return this.channels.get(ref);
  }

  async saveChannelSettings(ref: TenantRef, settings: ChannelSettingsRecord, audit: AuditEntry): Promise<void> {
    return this.channels.save(ref, settings, audit);
  }

  private get channels(): PostgresChannelSettings {
    this.channelSettings ??= new PostgresChannelSettings(this.pool, insertAudit);
    return this.channelSettings;
  }

  private get calibrations(): PostgresCalibrationJobs {
    this.calibrationJobs ??= new PostgresCalibrationJobs(this.pool);
    return this.calibrationJobs;
  }

  private get shadow(): PostgresShadowRuns {
    this.shadowRuns ??= new PostgresShadowRuns(this.pool);
    return this.shadowRuns;
  }

  private transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return postgresTransaction(this.pool, work);
  }
}

/** Publishes a draft inside the caller's transaction. */
async function publishWithin(client: PoolClient, ref: TenantRef, draftId: number, publisher: string, publishedAt: string): Promise<DefinitionRecord> {
  // Two instances publishing for one tenant at once would both read the same newest version and
  // the second would fail on the unique index; the tenant's lock makes the second read the first's.
  await run(client, sql.lockTenant, [postgresLockKeys.definitions, ...tenantKey(ref)]);
  const [draft] = await rowsOf<DefinitionRow>(client, sql.getDefinition, [...tenantKey(ref), draftId]);
  if (!draft) throw new Error(`definition draft ${draftId} does not exist for tenant ${describeTenant(ref)}`);
  if (draft.status === 'published') {
    throw new Error(
      `definition ${draftId} of tenant ${describeTenant(ref)} is already published as version ${draft.version}; save a new draft to change it`,
    );
  }
  const [newest] = await rowsOf<{ version: number }>(client, sql.newestPublishedVersion, tenantKey(ref));
  const version = returned(newest, 'the newest version').version + 1;
  // The body carries its version too, so a definition read on its own still says which one it is.
  const body: Definition = { ...draft.body, version };
  const [published] = await rowsOf<DefinitionRow>(client, sql.publishDraft, [draftId, version, JSON.stringify(body), publisher, publishedAt]);
  return toDefinitionRecord(returned(published, 'the published definition'));
}

async function insertAudit(client: PoolClient, entries: AuditEntry[]): Promise<void> {
  for (const batch of chunk(entries, rowsPerInsert)) {
    await run(client, sql.insertAudit, [
      batch.map((entry) => entry.tenant.crm),
      batch.map((entry) => entry.tenant.tenantId),
      batch.map((entry) => isoInstant(entry.at, 'audit time')),
      batch.map((entry) => entry.actor),
      batch.map((entry) => entry.action),
      batch.map((entry) => entry.recordId),
      batch.map((entry) => JSON.stringify(entry.detail)),
    ]);
  }
}

async function run(db: Queryable, statement: PostgresStatement, values: unknown[]): Promise<QueryResult> {
  const query = () => db.query({ name: statement.name, text: statement.text, values });
  try {
    // Inside a transaction only the whole transaction can be run again (postgresTransaction does).
    return await (db instanceof Pool ? retryingConflicts(query) : query());
  } catch (error) {
    return explainMissingSchema(error);
  }
}

async function rowsOf<Row extends QueryResultRow>(db: Queryable, statement: PostgresStatement, values: unknown[]): Promise<Row[]> {
  return (await run(db, statement, values)).rows as Row[];
}

function explainMissingSchema(error: unknown): never {
  // 42P01 undefined_table: the usual first mistake on a new database.
  const message = (error as { message?: unknown } | null)?.message;
  if (postgresErrorCode(error) === '42P01' && typeof message === 'string') {
    throw new Error(`the Postgres database has no Accord schema (${message}); call migrate() first`, { cause: error });
  }
  throw error;
}

function tenantKey(ref: TenantRef): [string, string] {
  return [ref.crm, ref.tenantId];
}

function describeTenant(ref: TenantRef): string {
  return `${ref.crm}/${ref.tenantId}`;
}

/** Ids that cannot be a bigint cannot name a row; like SQLite, they then match nothing. */
function rowIds(ids: number[]): number[] {
  return ids.filter((id) => Number.isSafeInteger(id));
}

/** One tenant's commit must never write into another tenant's history. */
function refuseOtherTenant(ref: TenantRef, owner: TenantRef, what: string): void {
  if (owner.crm !== ref.crm || owner.tenantId !== ref.tenantId) {
    throw new Error(`${what} belongs to tenant ${describeTenant(owner)}, not ${describeTenant(ref)}`);
  }
}

/**
 * A CRM listing the same owner twice (paging overlap) keeps its first place and its last details,
 * as the SQLite store's upsert does; one INSERT may not touch the same row twice, so it is folded here.
 */
function firstPlaceLastDetails(owners: Owner[]): { owner: Owner; position: number }[] {
  const byId = new Map<string, { owner: Owner; position: number }>();
  owners.forEach((owner, position) => {
    const first = byId.get(owner.id);
    byId.set(owner.id, { owner, position: first?.position ?? position });
  });
  return [...byId.values()];
}

/** Statements with RETURNING or aggregates always yield a row; this says so to the type checker. */
function returned<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`Postgres returned no row for ${what}`);
  return row;
}
