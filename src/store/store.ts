import type { CrmEvent } from '../core/crm-event';
import type { Decision } from '../core/decision';
import type { Definition } from '../core/definition';
import type { FeedbackRecord } from '../core/feedback-record';
import type { WeeklyDigest } from '../core/notify/weekly-digest';
import type { CrmKind, Lead, TenantRef } from '../core/lead';
import type { Owner } from '../core/owner';
import type { RoutingState } from '../core/routing-state';
import type { NewShadowRun, ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import type { PurgeCounts } from './per-record-tables';
import type { BackfillPatch, BackfillQueueCounts, BackfillRecord, DraftApproval, RecordRejection } from './crm-api-records';
import type { CalibrationJobPatch, CalibrationJobRecord } from './calibration-job-records';
import type { ChannelSettingsRecord } from './channel-settings-record';

export interface TenantRecord extends TenantRef {
  name: string;
  active: boolean;
  /** Opaque credentials blob (the caller encrypts secrets before storing). */
  credentials: string;
  /** Salesforce instance URL / HubSpot base path; null for the CRM's default. */
  instanceUrl: string | null;
  installedAt: string;
  updatedAt: string;
}

export type DefinitionStatus = 'draft' | 'published';

export interface DefinitionRecord {
  id: number;
  tenant: TenantRef;
  /** Published versions count 1, 2, 3… per tenant; drafts have version 0 until published. */
  version: number;
  status: DefinitionStatus;
  definition: Definition;
  createdBy: string;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface InboxRow {
  id: number;
  event: CrmEvent;
  attempts: number;
  receivedAt: string;
  lastError: string | null;
}

export interface DeadLetter {
  id: number;
  event: CrmEvent;
  attempts: number;
  reason: string;
  deadAt: string;
}

export interface AuditEntry {
  tenant: TenantRef;
  at: string;
  actor: string;
  action: string;
  recordId: string | null;
  /** No personal data here: ids, versions, stages, counts. */
  detail: Record<string, unknown>;
}

export interface EnqueueResult {
  inserted: number;
  duplicates: number;
}

/** One processed record: its decision, the fields actually written, and the routing state after it. */
export interface DecisionCommit {
  decision: Decision;
  /** Names of Accord fields written to the CRM for this decision (empty when nothing changed). */
  writtenFields: string[];
}

/** The CRM's verdict on a lead's deal, once one closed. */
export type LeadOutcome = 'won' | 'lost';

/**
 * What the dashboard groups and filters a record's leads by, as the CRM record said when last read:
 * decisions carry none of it. No personal data (no names, emails or phones).
 */
export interface LeadFacts {
  recordId: string;
  /** When the CRM created the record; null when the CRM did not say. */
  createdAt: string | null;
  source: string | null;
  campaign: string | null;
  country: string | null;
  /** The routing territory's region the lead falls in, if any. */
  region: string | null;
  outcome: LeadOutcome | null;
  /** When the outcome happened (deal closed); null while unknown. */
  outcomeAt: string | null;
  /** Deal amount in the account's currency, when the CRM has one. */
  amount: number | null;
}

/** A window of decision times: from inclusive, to exclusive; either end open when omitted. */
export interface DecisionRange {
  from?: string;
  to?: string;
}

/** A window of rejection times: since inclusive, until exclusive; either end open when omitted. */
export interface FeedbackRange {
  since?: string;
  until?: string;
}

/** A weekly digest as composed and stored for a tenant. */
export interface DigestRecord {
  id: number;
  tenant: TenantRef;
  /** The end of the week it covers (the digest's `periodEnd`). */
  periodEnd: string;
  digest: WeeklyDigest;
  createdAt: string;
}

/** A published version and the re-scoring queued with it. */
export interface PublishedWithBackfill {
  published: DefinitionRecord;
  backfill: BackfillRecord;
}

/**
 * The storage port. Every method is one transaction: it fully happens or not at all.
 * Times are ISO strings passed in by the caller (the store never reads the clock for business logic).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;

  upsertTenant(tenant: TenantRecord): Promise<void>;
  getTenant(ref: TenantRef): Promise<TenantRecord | null>;
  listTenants(crm?: CrmKind): Promise<TenantRecord[]>;
  setTenantActive(ref: TenantRef, active: boolean, now: string): Promise<void>;

  /** Saves a new draft (returns it with its id). */
  saveDraft(ref: TenantRef, definition: Definition, author: string, now: string): Promise<DefinitionRecord>;
  /** Publishes a draft as the next version; published rows are never changed afterwards. */
  publishDraft(ref: TenantRef, draftId: number, publisher: string, now: string): Promise<DefinitionRecord>;
  getPublishedDefinition(ref: TenantRef): Promise<DefinitionRecord | null>;
  getDefinition(ref: TenantRef, id: number): Promise<DefinitionRecord | null>;
  listDefinitions(ref: TenantRef): Promise<DefinitionRecord[]>;

  /** Inserts events in one transaction; a repeated dedupe key is counted, not inserted. */
  enqueueEvents(events: CrmEvent[], receivedAt: string): Promise<EnqueueResult>;
  /**
   * Claims up to `limit` due rows (pending and available, or claimed with an expired lease),
   * oldest first, for `workerId` until `leaseUntil`. Reclaiming an expired lease counts the abandoned attempt.
   */
  claimEvents(workerId: string, limit: number, now: string, leaseUntil: string): Promise<InboxRow[]>;
  /** Removes processed rows from the inbox. */
  ackEvents(ids: number[]): Promise<void>;
  /** Puts rows back for a later attempt, counting the attempt and its error. */
  retryEvents(ids: number[], availableAt: string, error: string): Promise<void>;
  /** Moves rows to the dead letters with the reason. */
  deadLetterEvents(ids: number[], reason: string, now: string): Promise<void>;
  listDeadLetters(ref?: TenantRef): Promise<DeadLetter[]>;
  /** Moves dead letters back to the inbox (all, or the given ids); returns how many. */
  requeueDeadLetters(ids: number[] | 'all', now: string): Promise<number>;
  inboxStats(now: string): Promise<{ pending: number; oldestReceivedAt: string | null; deadLetters: number }>;
  /**
   * Forgets the dedupe keys of acked events whose processing began before `olderThan`; returns how many.
   * Until then a redelivery of an acked event still counts as a duplicate (HubSpot redelivers for up to
   * a day; keep at least 7 days).
   */
  pruneProcessedKeys(olderThan: string): Promise<number>;

  /** Records decisions, the routing state after them and their audit entries, atomically. */
  commitDecisions(ref: TenantRef, commits: DecisionCommit[], routingState: RoutingState, audit: AuditEntry[]): Promise<void>;
  getLatestDecision(ref: TenantRef, recordId: string): Promise<Decision | null>;
  getLatestDecisions(ref: TenantRef, recordIds: string[]): Promise<Map<string, Decision>>;
  /** Latest decision of every record of the tenant. */
  listCurrentDecisions(ref: TenantRef): Promise<Decision[]>;
  decisionHistory(ref: TenantRef, recordId: string): Promise<Decision[]>;
  /**
   * Every decision of the tenant made in `range` (by decidedAt), grouped by record id and, within a
   * record, in the order committed: the dashboard's funnel needs each lead's whole path, not only its latest.
   */
  listDecisionHistory(ref: TenantRef, range?: DecisionRange): Promise<Decision[]>;

  /**
   * Replaces each record's facts with the given snapshot (one row per record; a record listed twice
   * keeps its last). Two fields are sticky: a snapshot without an outcome keeps the one stored, with
   * its time (as does one with the same outcome but no time), and one without an amount keeps the stored
   * amount — the worker's lead read carries no deal, a later outcome sync does, and neither may erase the
   * other. A missing createdAt keeps the stored one.
   */
  upsertLeadFacts(ref: TenantRef, facts: LeadFacts[], now: string): Promise<void>;
  /** The facts of every record of the tenant, by record id. */
  listLeadFacts(ref: TenantRef): Promise<LeadFacts[]>;

  getRoutingState(ref: TenantRef): Promise<RoutingState>;

  replaceOwners(ref: TenantRef, owners: Owner[], now: string): Promise<void>;
  listOwners(ref: TenantRef): Promise<Owner[]>;

  appendAudit(entries: AuditEntry[]): Promise<void>;
  /**
   * A privacy deletion: removes everything stored about one record (see perRecordTables) and, in the
   * same transaction, appends an audit entry `record.purged` holding only the counts.
   */
  purgeRecord(ref: TenantRef, recordId: string, now: string): Promise<PurgeCounts>;
  listAudit(ref: TenantRef, limit: number): Promise<AuditEntry[]>;

  /**
   * A named position per tenant that a scheduled job resumes from (the Salesforce reconciliation's last
   * LastModifiedDate seen); null until first set.
   */
  getCursor(ref: TenantRef, name: string): Promise<string | null>;
  /** Sets a tenant's named cursor (inserting or replacing it). */
  setCursor(ref: TenantRef, name: string, value: string, now: string): Promise<void>;

  /**
   * Records rejections as feedback, once each: a record already holding a rejection at the same
   * `rejectedAt` is counted, not stored again. Returns how many were new.
   */
  recordFeedback(ref: TenantRef, records: FeedbackRecord[], now: string): Promise<number>;
  /** The tenant's feedback with `rejectedAt` in the range, oldest first. */
  listFeedback(ref: TenantRef, range?: FeedbackRange): Promise<FeedbackRecord[]>;
  saveDigest(ref: TenantRef, digest: WeeklyDigest, now: string): Promise<DigestRecord>;
  /** The digest stored last for the tenant; null before the first. */
  latestDigest(ref: TenantRef): Promise<DigestRecord | null>;
  /**
   * Latest decisions of leads waiting for sales (stage sales_ready with an SLA due time), by record
   * id; with `dueBefore`, only those due before it. What the SLA sweep walks every minute.
   */
  listOpenSlas(ref: TenantRef, dueBefore?: string): Promise<Decision[]>;

  /** A lease so one instance runs a scheduled job: true when `holder` now holds `name` until `until`. */
  tryAcquireLease(name: string, holder: string, now: string, until: string): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;

  /**
   * The lead each record was last decided from, replacing the stored one: the settings preview
   * re-decides open leads from these without calling the CRM.
   */
  upsertLeadSnapshots(ref: TenantRef, leads: Lead[]): Promise<void>;
  listLeadSnapshots(ref: TenantRef): Promise<Lead[]>;
  deleteLeadSnapshot(ref: TenantRef, recordId: string): Promise<void>;

  /** Records a sign-off unless the draft already has one for that role; true when recorded. */
  addDraftApproval(ref: TenantRef, approval: DraftApproval): Promise<boolean>;
  /** Every sign-off of the tenant's drafts, oldest first. */
  listDraftApprovals(ref: TenantRef): Promise<DraftApproval[]>;

  createBackfill(ref: TenantRef, backfill: BackfillRecord): Promise<void>;
  /**
   * Publishes a draft (as publishDraft) and queues the backfill that re-scores open leads under the
   * new version (id `backfillId`, status queued), in one transaction: never a version without its re-scoring.
   */
  publishDraftWithBackfill(ref: TenantRef, draftId: number, publisher: string, now: string, backfillId: string): Promise<PublishedWithBackfill>;
  getBackfill(ref: TenantRef, id: string): Promise<BackfillRecord | null>;
  /** Newest first. */
  listBackfills(ref: TenantRef): Promise<BackfillRecord[]>;
  updateBackfill(ref: TenantRef, id: string, patch: BackfillPatch): Promise<void>;
  /** The backfill's events (dedupe key `backfill:<id>:…`) still in the inbox, and those dead-lettered. */
  backfillQueueCounts(ref: TenantRef, id: string): Promise<BackfillQueueCounts>;

  /** Calibrations started from the settings page, polled by it while they run in the background. */
  createCalibrationJob(ref: TenantRef, job: CalibrationJobRecord): Promise<void>;
  getCalibrationJob(ref: TenantRef, id: string): Promise<CalibrationJobRecord | null>;
  updateCalibrationJob(ref: TenantRef, id: string, patch: CalibrationJobPatch): Promise<void>;

  /** The tenant's own Slack / Teams channels (URLs sealed); null until it saves some. */
  getChannelSettings(ref: TenantRef): Promise<ChannelSettingsRecord | null>;
  /** Replaces the tenant's channel settings and appends `audit`, in one transaction. */
  saveChannelSettings(ref: TenantRef, settings: ChannelSettingsRecord, audit: AuditEntry): Promise<void>;

  /** Moves every inbox row of the tenant to the dead letters with the reason; returns how many. */
  deadLetterTenantInbox(ref: TenantRef, reason: string, now: string): Promise<number>;

  saveRecordRejection(ref: TenantRef, rejection: RecordRejection): Promise<void>;
  getRecordRejection(ref: TenantRef, recordId: string): Promise<RecordRejection | null>;

  /** Stores SHA-256 of a tenant's API key (hex), replacing the previous one. */
  setApiKeyHash(ref: TenantRef, keyHash: string, now: string): Promise<void>;
  findTenantByApiKeyHash(crm: CrmKind, keyHash: string): Promise<TenantRef | null>;

  /** Marks an OAuth `state` nonce used: true the first time, false on a replay. Forgets nonces past `expiresAt`. */
  useOauthState(nonce: string, now: string, expiresAt: string): Promise<boolean>;

  /**
   * Starts a shadow run of one of the tenant's definitions. Refuses with ShadowRunActiveError while
   * another run is active at `run.startedAt`, and a definition id the tenant does not have.
   */
  startShadowRun(ref: TenantRef, run: NewShadowRun): Promise<ShadowRun>;
  /** Stops a run active at `now`; a stopped or ended run comes back unchanged; null when there is no such run. */
  stopShadowRun(ref: TenantRef, id: number, now: string): Promise<ShadowRun | null>;
  getShadowRun(ref: TenantRef, id: number): Promise<ShadowRun | null>;
  /** The run active at `now` (started, not yet ended, not stopped); null when none. The worker reads it once per pass. */
  getActiveShadowRun(ref: TenantRef, now: string): Promise<ShadowRun | null>;
  /** Newest first. */
  listShadowRuns(ref: TenantRef): Promise<ShadowRun[]>;
  /** Replaces each record's row under the run: one row per record and run, the latest. */
  saveShadowDecisions(ref: TenantRef, runId: number, decisions: ShadowDecision[]): Promise<void>;
  getShadowDecisions(ref: TenantRef, runId: number, recordIds: string[]): Promise<Map<string, ShadowDecision>>;
  /** Every record's row under the run, by record id. */
  listShadowDecisions(ref: TenantRef, runId: number): Promise<ShadowDecision[]>;
}
