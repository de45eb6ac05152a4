import type { Database, Transaction } from 'better-sqlite3';
import type { CrmEvent } from '../core/crm-event';
import type { Decision } from '../core/decision';
import type { Definition } from '../core/definition';
import type { CrmKind, Lead, TenantRef } from '../core/lead';
import type { Owner } from '../core/owner';
import type { RoutingState } from '../core/routing-state';
import { applySqliteMigrations } from './apply-sqlite-migrations';
import { chunk } from '../core/chunk';
import { GroupCommit } from './group-commit';
import { isoInstant } from './iso-instant';
import { perRecordTables, purgeCondition, type PurgeCounts } from './per-record-tables';
import { openSqliteDatabase } from './open-sqlite-database';
import type { FeedbackRecord } from '../core/feedback-record';
import type { WeeklyDigest } from '../core/notify/weekly-digest';
import { toAuditEntry, toDeadLetter, toDefinitionRecord, toDigestRecord, toInboxRow, toLeadFacts, toTenantRecord } from './sqlite-rows';
import { prepareSqliteStatements, type SqliteStatements } from './sqlite-statements';
import type { BackfillPatch, BackfillQueueCounts, BackfillRecord, DraftApproval, RecordRejection } from './crm-api-records';
import { backfillKeyRange, queuedBackfill, toBackfillRecord, toDraftApproval, toRecordRejection } from './crm-api-rows';
import { prepareSqliteCrmApiStatements, type SqliteCrmApiStatements } from './sqlite-crm-api-statements';
import type { NewShadowRun, ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import { SqliteShadowRuns } from './sqlite-shadow-runs';
import { SqliteCalibrationJobs } from './sqlite-calibration-jobs';
import { SqliteChannelSettings } from './sqlite-channel-settings';
import type { ChannelSettingsRecord } from './channel-settings-record';
import type { CalibrationJobPatch, CalibrationJobRecord } from './calibration-job-records';
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

/** Keeps each json_each list, and so each statement's work and result, bounded. */
const recordIdsPerQuery = 500;

/**
 * The embedded store: one SQLite file in WAL mode. Every method runs in one transaction; writers take
 * the write lock up front (BEGIN IMMEDIATE) so a read-then-write never fails half way with SQLITE_BUSY
 * when another process (a second worker, the CLI) shares the file.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database;
  private readonly transaction: Transaction<(work: () => unknown) => unknown>;
  private statements: SqliteStatements | undefined;
  private crmApiStatements: SqliteCrmApiStatements | undefined;
  private shadowRuns: SqliteShadowRuns | undefined;
  private calibrationJobs: SqliteCalibrationJobs | undefined;
  private channelSettings: SqliteChannelSettings | undefined;

  /** `filename` is a path or ":memory:"; call migrate() before first use of a new database. */
  constructor(filename: string) {
    this.db = openSqliteDatabase(filename);
    this.transaction = this.db.transaction((work: () => unknown) => work());
  }

  async migrate(): Promise<void> {
    applySqliteMigrations(this.db);
    this.statements ??= prepareSqliteStatements(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async upsertTenant(tenant: TenantRecord): Promise<void> {
    this.write(() =>
      this.sql.upsertTenant.run({
        ...tenantKey(tenant),
        name: tenant.name,
        active: tenant.active ? 1 : 0,
        credentials: tenant.credentials,
        instanceUrl: tenant.instanceUrl,
        installedAt: tenant.installedAt,
        updatedAt: tenant.updatedAt,
      }),
    );
  }

  async getTenant(ref: TenantRef): Promise<TenantRecord | null> {
    const row = this.read(() => this.sql.getTenant.get(tenantKey(ref)));
    return row ? toTenantRecord(row) : null;
  }

  async listTenants(crm?: CrmKind): Promise<TenantRecord[]> {
    const rows = this.read(() => (crm ? this.sql.listTenantsOfCrm.all({ crm }) : this.sql.listTenants.all()));
    return rows.map(toTenantRecord);
  }

  async setTenantActive(ref: TenantRef, active: boolean, now: string): Promise<void> {
    const { changes } = this.write(() => this.sql.setTenantActive.run({ ...tenantKey(ref), active: active ? 1 : 0, now }));
    if (changes === 0) throw new Error(`tenant ${describeTenant(ref)} is not installed`);
  }

  async saveDraft(ref: TenantRef, definition: Definition, author: string, now: string): Promise<DefinitionRecord> {
    const row = this.write(() =>
      this.sql.insertDraft.get({ ...tenantKey(ref), body: JSON.stringify(definition), author, now }),
    );
    return toDefinitionRecord(returned(row, 'the saved draft'));
  }

  async publishDraft(ref: TenantRef, draftId: number, publisher: string, now: string): Promise<DefinitionRecord> {
    return this.write(() => this.publishWithinTransaction(ref, draftId, publisher, now));
  }

  async publishDraftWithBackfill(ref: TenantRef, draftId: number, publisher: string, now: string, backfillId: string): Promise<PublishedWithBackfill> {
    return this.write(() => {
      const published = this.publishWithinTransaction(ref, draftId, publisher, now);
      const backfill = queuedBackfill(backfillId, published.version, now);
      this.apiSql.insertBackfill.run({ ...tenantKey(ref), ...backfill, enqueueDone: 0 });
      return { published, backfill };
    });
  }

  private publishWithinTransaction(ref: TenantRef, draftId: number, publisher: string, now: string): DefinitionRecord {
    const draft = this.sql.getDefinition.get({ ...tenantKey(ref), id: draftId });
    if (!draft) throw new Error(`definition draft ${draftId} does not exist for tenant ${describeTenant(ref)}`);
    if (draft.status === 'published') {
      throw new Error(
        `definition ${draftId} of tenant ${describeTenant(ref)} is already published as version ${draft.version}; save a new draft to change it`,
      );
    }
    const version = returned(this.sql.newestPublishedVersion.get(tenantKey(ref)), 'the newest version').version + 1;
    // The body carries its version too, so a definition read on its own still says which one it is.
    const body: Definition = { ...(JSON.parse(draft.body) as Definition), version };
    return toDefinitionRecord(returned(this.sql.publishDraft.get({ id: draftId, version, body: JSON.stringify(body), publisher, now }), 'the published definition'));
  }

  async getPublishedDefinition(ref: TenantRef): Promise<DefinitionRecord | null> {
    const row = this.read(() => this.sql.getPublishedDefinition.get(tenantKey(ref)));
    return row ? toDefinitionRecord(row) : null;
  }

  async getDefinition(ref: TenantRef, id: number): Promise<DefinitionRecord | null> {
    const row = this.read(() => this.sql.getDefinition.get({ ...tenantKey(ref), id }));
    return row ? toDefinitionRecord(row) : null;
  }

  async listDefinitions(ref: TenantRef): Promise<DefinitionRecord[]> {
    return this.read(() => this.sql.listDefinitions.all(tenantKey(ref))).map(toDefinitionRecord);
  }

  async enqueueEvents(events: CrmEvent[], receivedAt: string): Promise<EnqueueResult> {
    return this.enqueueGroup.submit({ events, at: isoInstant(receivedAt, 'receivedAt') });
  }

  private readonly enqueueGroup = new GroupCommit<{ events: CrmEvent[]; at: string }, EnqueueResult>((jobs) =>
    this.write(() =>
      jobs.map(({ events, at }) => {
        const { changes: inserted } = this.sql.enqueueEvents.run({ events: JSON.stringify(events), receivedAt: at });
        return { inserted, duplicates: events.length - inserted };
      }),
    ),
  );

  async claimEvents(workerId: string, limit: number, now: string, leaseUntil: string): Promise<InboxRow[]> {
    // SQLite reads a negative LIMIT as "no limit": refuse it rather than claim the whole inbox.
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`claim limit must be a whole number ≥ 0, got ${limit}`);
    if (limit === 0) return [];
    const times = { now: isoInstant(now, 'now'), leaseUntil: isoInstant(leaseUntil, 'leaseUntil') };
    const rows = this.write(() => this.sql.claimEvents.all({ workerId, limit, ...times }));
    return rows.sort((a, b) => a.id - b.id).map(toInboxRow);
  }

  async ackEvents(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const list = { ids: JSON.stringify(ids) };
    this.write(() => {
      this.sql.rememberProcessedKeys.run(list);
      this.sql.deleteInboxRows.run(list);
    });
  }

  async retryEvents(ids: number[], availableAt: string, error: string): Promise<void> {
    if (ids.length === 0) return;
    const at = isoInstant(availableAt, 'availableAt');
    this.write(() => this.sql.retryEvents.run({ ids: JSON.stringify(ids), availableAt: at, error }));
  }

  async deadLetterEvents(ids: number[], reason: string, now: string): Promise<void> {
    if (ids.length === 0) return;
    const list = { ids: JSON.stringify(ids) };
    const at = isoInstant(now, 'now');
    this.write(() => {
      this.sql.copyToDeadLetters.run({ ...list, reason, now: at });
      this.sql.deleteInboxRows.run(list);
    });
  }

  async listDeadLetters(ref?: TenantRef): Promise<DeadLetter[]> {
    const rows = this.read(() =>
      ref ? this.sql.listTenantDeadLetters.all(tenantKey(ref)) : this.sql.listDeadLetters.all(),
    );
    return rows.map(toDeadLetter);
  }

  async requeueDeadLetters(ids: number[] | 'all', now: string): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const selection = { all: ids === 'all' ? 1 : 0, ids: JSON.stringify(ids === 'all' ? [] : ids) };
    const at = isoInstant(now, 'now');
    return this.write(() => {
      const moved = this.sql.copyToInbox.run({ ...selection, now: at }).changes;
      this.sql.deleteDeadLetters.run(selection);
      return moved;
    });
  }

  async inboxStats(_now: string): Promise<{ pending: number; oldestReceivedAt: string | null; deadLetters: number }> {
    // "pending" is the whole backlog: rows waiting, waiting for a retry, or being processed right now.
    return this.read(() => {
      const backlog = returned(this.sql.inboxBacklog.get(), 'the inbox backlog');
      const deadLetters = returned(this.sql.countDeadLetters.get(), 'the dead letter count').count;
      return { pending: backlog.pending, oldestReceivedAt: backlog.oldest, deadLetters };
    });
  }

  async pruneProcessedKeys(olderThan: string): Promise<number> {
    const cutoff = isoInstant(olderThan, 'olderThan');
    return this.write(() => this.sql.pruneProcessedKeys.run({ olderThan: cutoff }).changes);
  }

  async commitDecisions(
    ref: TenantRef,
    commits: DecisionCommit[],
    routingState: RoutingState,
    audit: AuditEntry[],
  ): Promise<void> {
    for (const { decision } of commits) refuseOtherTenant(ref, decision, `decision for record ${decision.recordId}`);
    for (const entry of audit) refuseOtherTenant(ref, entry.tenant, `audit entry "${entry.action}"`);
    this.write(() => {
      for (const { decision, writtenFields } of commits) {
        this.sql.insertDecision.run({
          ...tenantKey(ref),
          recordId: decision.recordId,
          decidedAt: decision.decidedAt,
          stage: decision.stage,
          score: decision.score,
          definitionVersion: decision.definitionVersion,
          body: JSON.stringify(decision),
          writtenFields: JSON.stringify(writtenFields),
        });
      }
      this.sql.upsertRoutingState.run({ ...tenantKey(ref), state: JSON.stringify(routingState) });
      this.insertAudit(audit);
    });
  }

  async getLatestDecision(ref: TenantRef, recordId: string): Promise<Decision | null> {
    const row = this.read(() => this.sql.latestDecision.get({ ...tenantKey(ref), recordId }));
    return row ? parseDecision(row) : null;
  }

  async getLatestDecisions(ref: TenantRef, recordIds: string[]): Promise<Map<string, Decision>> {
    const chunks = chunk([...new Set(recordIds)], recordIdsPerQuery);
    const rows = this.read(() =>
      chunks.flatMap((chunk) => this.sql.latestDecisionsOf.all({ ...tenantKey(ref), ids: JSON.stringify(chunk) })),
    );
    return new Map(rows.map((row) => [row.record_id, parseDecision(row)]));
  }

  async listCurrentDecisions(ref: TenantRef): Promise<Decision[]> {
    return this.read(() => this.sql.currentDecisions.all(tenantKey(ref))).map(parseDecision);
  }

  async decisionHistory(ref: TenantRef, recordId: string): Promise<Decision[]> {
    return this.read(() => this.sql.decisionHistory.all({ ...tenantKey(ref), recordId })).map(parseDecision);
  }

  async listDecisionHistory(ref: TenantRef, range: DecisionRange = {}): Promise<Decision[]> {
    const bounds = {
      from: range.from === undefined ? null : isoInstant(range.from, 'from'),
      to: range.to === undefined ? null : isoInstant(range.to, 'to'),
    };
    return this.read(() => this.sql.decisionsInRange.all({ ...tenantKey(ref), ...bounds })).map(parseDecision);
  }

  async upsertLeadFacts(ref: TenantRef, facts: LeadFacts[], now: string): Promise<void> {
    if (facts.length === 0) return;
    const at = isoInstant(now, 'now');
    facts.forEach(refuseOddAmount);
    const rows = facts.map((f) => ({
      record_id: f.recordId,
      created_at: f.createdAt === null ? null : isoInstant(f.createdAt, `createdAt of record ${f.recordId}`),
      source: f.source,
      campaign: f.campaign,
      country: f.country,
      region: f.region,
      outcome: f.outcome,
      outcome_at: f.outcomeAt === null ? null : isoInstant(f.outcomeAt, `outcomeAt of record ${f.recordId}`),
      amount: f.amount,
    }));
    this.write(() => {
      for (const row of rows) this.sql.upsertLeadFacts.run({ ...tenantKey(ref), ...row, now: at });
    });
  }

  async listLeadFacts(ref: TenantRef): Promise<LeadFacts[]> {
    return this.read(() => this.sql.listLeadFacts.all(tenantKey(ref))).map(toLeadFacts);
  }

  async getRoutingState(ref: TenantRef): Promise<RoutingState> {
    const row = this.read(() => this.sql.getRoutingState.get(tenantKey(ref)));
    return row ? (JSON.parse(row.state) as RoutingState) : {};
  }

  async replaceOwners(ref: TenantRef, owners: Owner[], now: string): Promise<void> {
    this.write(() => {
      this.sql.deleteOwners.run(tenantKey(ref));
      owners.forEach((owner, position) =>
        this.sql.insertOwner.run({ ...tenantKey(ref), ownerId: owner.id, position, body: JSON.stringify(owner), now }),
      );
    });
  }

  async listOwners(ref: TenantRef): Promise<Owner[]> {
    return this.read(() => this.sql.listOwners.all(tenantKey(ref))).map((row) => JSON.parse(row.body) as Owner);
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    this.write(() => this.insertAudit(entries));
  }

  async purgeRecord(ref: TenantRef, recordId: string, now: string): Promise<PurgeCounts> {
    const at = isoInstant(now, 'now');
    const key = { ...tenantKey(ref), recordId };
    return this.write(() => {
      const counts = {} as PurgeCounts;
      for (const table of perRecordTables) {
        const sql = `DELETE FROM ${table} WHERE crm = @crm AND tenant_id = @tenantId AND record_id = @recordId${purgeCondition(table)}`;
        counts[table] = this.db.prepare(sql).run(key).changes;
      }
      this.insertAudit([{ tenant: ref, at, actor: 'accord', action: 'record.purged', recordId, detail: { ...counts } }]);
      return counts;
    });
  }

  async listAudit(ref: TenantRef, limit: number): Promise<AuditEntry[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`audit limit must be a whole number ≥ 0, got ${limit}`);
    return this.read(() => this.sql.listAudit.all({ ...tenantKey(ref), limit })).map(toAuditEntry);
  }

  async getCursor(ref: TenantRef, name: string): Promise<string | null> {
    return this.read(() => this.sql.getCursor.get({ ...tenantKey(ref), name }))?.value ?? null;
  }

  async setCursor(ref: TenantRef, name: string, value: string, now: string): Promise<void> {
    const at = isoInstant(now, 'now');
    this.write(() => this.sql.setCursor.run({ ...tenantKey(ref), name, value, now: at }));
  }

  async recordFeedback(ref: TenantRef, records: FeedbackRecord[], now: string): Promise<number> {
    for (const record of records) refuseOtherTenant(ref, record, `feedback for record ${record.recordId}`);
    const at = isoInstant(now, 'now');
    const rows = records.map((r) => ({
      ...tenantKey(ref),
      recordId: r.recordId,
      rejectedAt: isoInstant(r.rejectedAt, `rejectedAt of record ${r.recordId}`),
      reason: r.reason,
      source: r.source,
      campaign: r.campaign,
      body: JSON.stringify(r),
      now: at,
    }));
    return this.write(() => rows.reduce((count, row) => count + this.sql.insertFeedback.run(row).changes, 0));
  }

  async listFeedback(ref: TenantRef, range: FeedbackRange = {}): Promise<FeedbackRecord[]> {
    const bounds = {
      since: range.since === undefined ? null : isoInstant(range.since, 'since'),
      until: range.until === undefined ? null : isoInstant(range.until, 'until'),
    };
    return this.read(() => this.sql.listFeedback.all({ ...tenantKey(ref), ...bounds })).map((row) => JSON.parse(row.body) as FeedbackRecord);
  }

  async saveDigest(ref: TenantRef, digest: WeeklyDigest, now: string): Promise<DigestRecord> {
    const params = { ...tenantKey(ref), periodEnd: isoInstant(digest.periodEnd, 'periodEnd'), body: JSON.stringify(digest), now: isoInstant(now, 'now') };
    return toDigestRecord(returned(this.write(() => this.sql.insertDigest.get(params)), 'the saved digest'));
  }

  async latestDigest(ref: TenantRef): Promise<DigestRecord | null> {
    const row = this.read(() => this.sql.latestDigest.get(tenantKey(ref)));
    return row ? toDigestRecord(row) : null;
  }

  async listOpenSlas(ref: TenantRef, dueBefore?: string): Promise<Decision[]> {
    const cutoff = dueBefore === undefined ? null : Date.parse(isoInstant(dueBefore, 'dueBefore'));
    return this.read(() => this.sql.openSlas.all(tenantKey(ref)))
      .map(parseDecision)
      .filter((d) => d.slaDueAt !== null && (cutoff === null || Date.parse(d.slaDueAt) < cutoff));
  }

  async upsertLeadSnapshots(ref: TenantRef, leads: Lead[]): Promise<void> {
    for (const lead of leads) refuseOtherTenant(ref, lead, `lead snapshot of record ${lead.recordId}`);
    this.write(() => {
      for (const lead of leads) this.apiSql.upsertSnapshot.run({ ...tenantKey(ref), recordId: lead.recordId, body: JSON.stringify(lead) });
    });
  }

  async listLeadSnapshots(ref: TenantRef): Promise<Lead[]> {
    return this.read(() => this.apiSql.listSnapshots.all(tenantKey(ref))).map((row) => JSON.parse(row.body) as Lead);
  }

  async deleteLeadSnapshot(ref: TenantRef, recordId: string): Promise<void> {
    this.write(() => this.apiSql.deleteSnapshot.run({ ...tenantKey(ref), recordId }));
  }

  async addDraftApproval(ref: TenantRef, approval: DraftApproval): Promise<boolean> {
    const approvedAt = isoInstant(approval.approvedAt, 'approvedAt');
    return this.write(() => this.apiSql.insertApproval.run({ ...tenantKey(ref), ...approval, approvedAt }).changes === 1);
  }

  async listDraftApprovals(ref: TenantRef): Promise<DraftApproval[]> {
    return this.read(() => this.apiSql.listApprovals.all(tenantKey(ref))).map(toDraftApproval);
  }

  async createBackfill(ref: TenantRef, backfill: BackfillRecord): Promise<void> {
    this.write(() => this.apiSql.insertBackfill.run({ ...tenantKey(ref), ...backfill, enqueueDone: backfill.enqueueDone ? 1 : 0 }));
  }

  async getBackfill(ref: TenantRef, id: string): Promise<BackfillRecord | null> {
    const row = this.read(() => this.apiSql.getBackfill.get({ ...tenantKey(ref), id }));
    return row ? toBackfillRecord(row) : null;
  }

  async listBackfills(ref: TenantRef): Promise<BackfillRecord[]> {
    return this.read(() => this.apiSql.listBackfills.all(tenantKey(ref))).map(toBackfillRecord);
  }

  async updateBackfill(ref: TenantRef, id: string, patch: BackfillPatch): Promise<void> {
    this.write(() => {
      const row = this.apiSql.getBackfill.get({ ...tenantKey(ref), id });
      if (!row) throw new Error(`backfill ${id} does not exist for tenant ${describeTenant(ref)}`);
      const next = { ...toBackfillRecord(row), ...patch };
      this.apiSql.updateBackfill.run({ ...tenantKey(ref), ...next, enqueueDone: next.enqueueDone ? 1 : 0 });
    });
  }

  async backfillQueueCounts(ref: TenantRef, id: string): Promise<BackfillQueueCounts> {
    const range = { ...tenantKey(ref), ...backfillKeyRange(id) };
    return this.read(() => ({
      pending: returned(this.apiSql.countPendingWithPrefix.get(range), 'the pending count').n,
      failed: returned(this.apiSql.countDeadWithPrefix.get(range), 'the dead-letter count').n,
    }));
  }

  async deadLetterTenantInbox(ref: TenantRef, reason: string, now: string): Promise<number> {
    const at = isoInstant(now, 'now');
    return this.write(() => {
      this.apiSql.copyTenantInboxToDeadLetters.run({ ...tenantKey(ref), reason, now: at });
      return this.apiSql.deleteTenantInbox.run(tenantKey(ref)).changes;
    });
  }

  async saveRecordRejection(ref: TenantRef, rejection: RecordRejection): Promise<void> {
    const rejectedAt = isoInstant(rejection.rejectedAt, 'rejectedAt');
    this.write(() => this.apiSql.upsertRejection.run({ ...tenantKey(ref), ...rejection, rejectedAt }));
  }

  async getRecordRejection(ref: TenantRef, recordId: string): Promise<RecordRejection | null> {
    const row = this.read(() => this.apiSql.getRejection.get({ ...tenantKey(ref), recordId }));
    return row ? toRecordRejection(row) : null;
  }

  async setApiKeyHash(ref: TenantRef, keyHash: string, now: string): Promise<void> {
    const at = isoInstant(now, 'now');
    this.write(() => this.apiSql.upsertApiKey.run({ ...tenantKey(ref), keyHash, now: at }));
  }

  async findTenantByApiKeyHash(crm: CrmKind, keyHash: string): Promise<TenantRef | null> {
    const row = this.read(() => this.apiSql.findApiKey.get({ crm, keyHash }));
    return row ? { crm, tenantId: row.tenant_id } : null;
  }

  async useOauthState(nonce: string, now: string, expiresAt: string): Promise<boolean> {
    const times = { now: isoInstant(now, 'now'), expiresAt: isoInstant(expiresAt, 'expiresAt') };
    return this.write(() => {
      this.apiSql.forgetExpiredStates.run({ now: times.now });
      return this.apiSql.insertState.run({ nonce, ...times }).changes === 1;
    });
  }

  async tryAcquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const times = { now: isoInstant(now, 'now'), until: isoInstant(until, 'until') };
    return this.write(() => this.sql.acquireLease.run({ name, holder, ...times }).changes === 1);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.write(() => this.sql.releaseLease.run({ name, holder }));
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

  private get channels(): SqliteChannelSettings {
    this.channelSettings ??= new SqliteChannelSettings(this.db, (work) => this.write(work), (work) => this.read(work), (entries) => this.insertAudit(entries));
    return this.channelSettings;
  }

  private get calibrations(): SqliteCalibrationJobs {
    this.calibrationJobs ??= new SqliteCalibrationJobs(this.db, (work) => this.write(work), (work) => this.read(work));
    return this.calibrationJobs;
  }

  private get shadow(): SqliteShadowRuns {
    this.shadowRuns ??= new SqliteShadowRuns(this.db, (work) => this.write(work), (work) => this.read(work));
    return this.shadowRuns;
  }

  private insertAudit(entries: AuditEntry[]): void {
    for (const entry of entries) {
      this.sql.insertAudit.run({
        ...tenantKey(entry.tenant),
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        recordId: entry.recordId,
        detail: JSON.stringify(entry.detail),
      });
    }
  }

  private get apiSql(): SqliteCrmApiStatements {
    this.crmApiStatements ??= prepareSqliteCrmApiStatements(this.db);
    return this.crmApiStatements;
  }

  private get sql(): SqliteStatements {
    this.statements ??= prepareExplainingMissingSchema(this.db);
    return this.statements;
  }

  private write<T>(work: () => T): T {
    return this.transaction.immediate(work) as T;
  }

  private read<T>(work: () => T): T {
    return this.transaction.deferred(work) as T;
  }
}

function tenantKey(ref: TenantRef): { crm: string; tenantId: string } {
  return { crm: ref.crm, tenantId: ref.tenantId };
}

function describeTenant(ref: TenantRef): string {
  return `${ref.crm}/${ref.tenantId}`;
}

/** One tenant's commit must never write into another tenant's history. */
function refuseOtherTenant(ref: TenantRef, owner: TenantRef, what: string): void {
  if (owner.crm !== ref.crm || owner.tenantId !== ref.tenantId) {
    throw new Error(`${what} belongs to tenant ${describeTenant(owner)}, not ${describeTenant(ref)}`);
  }
}

/** SQLite would store NaN as NULL and Postgres as NaN: refuse it so both stores agree. */
function refuseOddAmount(facts: LeadFacts): void {
  if (facts.amount !== null && !Number.isFinite(facts.amount)) throw new Error(`amount of record ${facts.recordId} is not a finite number`);
}

function parseDecision(row: { body: string }): Decision {
  return JSON.parse(row.body) as Decision;
}

/** Statements with RETURNING or aggregates always yield a row; this says so to the type checker. */
function returned<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`SQLite returned no row for ${what}`);
  return row;
}

function prepareExplainingMissingSchema(db: Database): SqliteStatements {
  try {
    return prepareSqliteStatements(db);
  } catch (error) {
    // Duck-typed: better-sqlite3 keeps the SqliteError class of the first realm that loaded it, so
    // `instanceof Error` can be false under a test runner's per-file contexts.
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message.startsWith('no such table')) {
      throw new Error(`the SQLite database has no Accord schema (${message}); call migrate() first`);
    }
    throw error;
  }
}
