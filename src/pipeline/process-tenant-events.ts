import type { Logger } from 'pino';
import { performance } from 'node:perf_hooks';
import type { AccordMetrics } from '../metrics/accord-metrics';
import { leadFactsOf } from '../metrics/lead-facts-of';
import { accordFieldsOf, changedAccordFields } from '../core/accord-field-changes';
import { CrmRateLimitedError, type LeadWrite, type WriteOutcome } from '../core/crm-adapter';
import type { Decision } from '../core/decision';
import { decideWithRouting } from '../core/decide';
import { decisionExtras } from '../core/decision-extras';
import { detectAcceptance } from '../core/detect-acceptance';
import type { FeedbackRecord } from '../core/feedback-record';
import { feedbackFor } from '../core/feedback-for';
import { defaultDefinition } from '../core/default-definition';
import type { Definition } from '../core/definition';
import type { Lead, TenantRef } from '../core/lead';
import type { AuditEntry, DecisionCommit, InboxRow, Store, TenantRecord } from '../store/store';
import { callCrm, type CrmCallPolicy } from './call-crm';
import { chunk } from '../core/chunk';
import type { Clock } from './clock';
import { accountDomainsToRoute } from './account-domains-to-route';
import { groupBy } from './group-by';
import { readOnlyRecordCodes } from './read-only-record-codes';
import { recordShadowDecisions } from './record-shadow-decisions';
import { syncOwners } from './sync-owners';
import type { CrmRuntime } from './tenant-runtime';
import type { WorkerStats } from './worker-stats';
import { withSlaState } from './with-sla-state';
import { yieldToEventLoop } from './yield-to-event-loop';

// Decisions between two yields to the event loop, and leads per snapshot or facts write: a few
// milliseconds of work each, so a webhook ack never waits longer behind the worker.
const decisionsPerSlice = 50;
const leadsPerWrite = 100;

export interface TenantBatchDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
  stats: WorkerStats;
  callPolicy: CrmCallPolicy;
  /** Prometheus counters (GET /metrics); optional so unit tests can leave them out. */
  metrics?: AccordMetrics;
}

/** What happened to each claimed inbox row, so the caller can ack, retry or dead-letter it. */
export interface RowOutcomes {
  done: number[];
  /** `retryAfterMs`: the CRM rate-limited the batch and said when to come back. */
  failed: Array<{ ids: number[]; reason: string; retryable: boolean; retryAfterMs?: number }>;
}

function decisionChanged(previous: Decision | undefined, next: Decision): boolean {
  if (!previous) return true;
  return (
    previous.score !== next.score ||
    previous.stage !== next.stage ||
    previous.ownerId !== next.ownerId ||
    previous.why !== next.why ||
    previous.definitionVersion !== next.definitionVersion ||
    previous.slaDueAt !== next.slaDueAt ||
    (previous.slaState ?? null) !== (next.slaState ?? null) ||
    !sameExtras(previous, next)
  );
}

/** Acceptance, rejection and escalations are part of the lead's story even when score and owner stay put. */
function sameExtras(previous: Decision, next: Decision): boolean {
  const [a, b] = [decisionExtras(previous), decisionExtras(next)];
  return a.acceptedAt === b.acceptedAt && JSON.stringify(a.rejection) === JSON.stringify(b.rejection) && JSON.stringify(a.escalations) === JSON.stringify(b.escalations);
}

/**
 * One tenant's share of a claimed batch: coalesce events by record, read the records in CRM-sized
 * batches, decide, write back only what changed, then record decisions, routing state and audit.
 */
export async function processTenantEvents(deps: TenantBatchDeps, tenant: TenantRecord, rows: InboxRow[]): Promise<RowOutcomes> {
  const { store, runtime, clock, stats } = deps;
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const now = new Date(clock.now());
  const nowIso = now.toISOString();
  const outcomes: RowOutcomes = { done: [], failed: [] };

  const removals = rows.filter((r) => r.event.kind === 'deleted' || r.event.kind === 'privacy_deletion');
  const purged = new Set<string>();
  if (removals.length > 0) {
    await store.appendAudit(
      removals.map<AuditEntry>((r) => ({
        tenant: ref,
        at: nowIso,
        actor: tenant.crm,
        action: r.event.kind === 'privacy_deletion' ? 'record.privacy_deletion' : 'record.deleted',
        recordId: r.event.recordId,
        detail: {},
      })),
    );
    // A privacy deletion leaves nothing about the person behind: decisions, facts, feedback, queued events.
    for (const r of removals) {
      if (r.event.kind !== 'privacy_deletion' || purged.has(r.event.recordId)) continue;
      purged.add(r.event.recordId);
      await store.purgeRecord(ref, r.event.recordId, nowIso);
    }
    for (const recordId of new Set(removals.map((r) => r.event.recordId))) await store.deleteLeadSnapshot(ref, recordId);
    outcomes.done.push(...removals.map((r) => r.id));
  }

  const changes = rows.filter((r) => r.event.kind === 'created' || r.event.kind === 'changed');
  // Changes to a purged person that arrived in the same batch must not store a fresh decision about them.
  outcomes.done.push(...changes.filter((r) => purged.has(r.event.recordId)).map((r) => r.id));
  const rowsByRecord = groupBy(
    changes.filter((r) => !purged.has(r.event.recordId)),
    (r) => r.event.recordId,
  );
  const recordIds = [...rowsByRecord.keys()];
  if (recordIds.length === 0) return outcomes;
  const rowIdsOf = (recordId: string) => (rowsByRecord.get(recordId) ?? []).map((r) => r.id);

  const adapter = runtime.adapterFor(tenant.crm);
  const connection = runtime.connectionFor(tenant);
  const limiter = runtime.limiterFor(ref);
  const observer = {
    onCall: () => {
      stats.crmCalls += 1;
    },
    onRateLimited: () => {
      stats.rateLimited += 1;
    },
  };
  const timed = <T>(label: string, request: () => Promise<T>) => async (): Promise<T> => {
    const startedAt = performance.now();
    const record = (status: number | 'network_error') =>
      deps.metrics?.recordCrmCall({ crm: tenant.crm, endpoint: label, status, seconds: (performance.now() - startedAt) / 1000 });
    try {
      const result = await request();
      record(200);
      return result;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      record(error instanceof CrmRateLimitedError ? 429 : typeof status === 'number' ? status : 'network_error');
      throw error;
    }
  };
  const call = <T>(label: string, request: () => Promise<T>) => callCrm(limiter, clock, label, timed(label, request), deps.callPolicy, observer);

  const published = await store.getPublishedDefinition(ref);
  const definition = published?.definition ?? defaultDefinition;
  const owners = await syncOwners(store, ref, (label, request) => call(label, request), () => adapter.listOwners(connection), nowIso, false);
  let routingState = await store.getRoutingState(ref);
  const previous = await store.getLatestDecisions(ref, recordIds);
  await yieldToEventLoop();

  const leads: Lead[] = [];
  for (const ids of chunk(recordIds, adapter.batchLimits.read)) {
    leads.push(...(await call('readLeads', () => adapter.readLeads(connection, ids))));
  }
  const found = new Set(leads.map((l) => l.recordId));
  // Records deleted in the CRM since the event: nothing to decide.
  for (const id of recordIds) if (!found.has(id)) outcomes.done.push(...rowIdsOf(id));

  // Account match comes before territories: one lookup per pass, for the domains about to be routed.
  let accountOwners: ReadonlyMap<string, string> | undefined;
  if (adapter.findAccountOwners) {
    const domains = accountDomainsToRoute(leads, definition, owners, routingState, previous, now);
    const find = adapter.findAccountOwners.bind(adapter);
    try {
      if (domains.length > 0) accountOwners = await call('findAccountOwners', () => find(connection, domains));
    } catch (error) {
      // Routing by territory beats not routing at all: the leads are still decided, without the account match.
      deps.logger.warn({ crm: ref.crm, tenant: ref.tenantId, err: error instanceof Error ? error.message : String(error) }, 'account lookup failed; routing by territory');
    }
  }

  const decided: Array<{ decision: Decision; write: LeadWrite | null; lead: Lead }> = [];
  const feedback: FeedbackRecord[] = [];
  for (const lead of leads) {
    if (decided.length % decisionsPerSlice === decisionsPerSlice - 1) await yieldToEventLoop();
    const prior = previous.get(lead.recordId) ?? null;
    const outcome = decideWithRouting(lead, definition, { owners, routingState, previous: prior, ...(accountOwners ? { accountOwners } : {}) }, now);
    // What the decision was made from, so an echo of the write that follows can be recognised on arrival.
    const made = withSlaState(outcome.decision, definition, now);
    const decision = lead.inputDigest === undefined ? made : { ...made, inputDigest: lead.inputDigest };
    routingState = outcome.routingState;
    const rejected = feedbackFor(prior, decision, lead, definition, owners);
    if (rejected !== null) feedback.push(rejected);
    const fields = changedAccordFields(lead.accord, accordFieldsOf(decision));
    decided.push({ decision, lead, write: Object.keys(fields).length > 0 ? { recordId: lead.recordId, fields } : null });
  }

  const writeResults = new Map<string, WriteOutcome>();
  const writes = decided.flatMap((d) => (d.write ? [d.write] : []));
  for (const batch of chunk(writes, adapter.batchLimits.write)) {
    const results = await call('writeDecisions', () => adapter.writeDecisions(connection, batch));
    for (const result of results) writeResults.set(result.recordId, result);
  }

  const commits: DecisionCommit[] = [];
  const audit: AuditEntry[] = [];
  const committed = new Set<string>();
  const settled: Array<{ decision: Decision; lead: Lead }> = [];
  for (const { decision, write, lead } of decided) {
    const result = write ? writeResults.get(decision.recordId) : undefined;
    if (result && !result.ok && readOnlyRecordCodes.has(result.code)) {
      outcomes.done.push(...rowIdsOf(decision.recordId));
      continue;
    }
    if (write && (!result || !result.ok)) {
      const reason = result && !result.ok ? `${result.code}: ${result.message}` : 'the CRM returned no result for this record';
      outcomes.failed.push({ ids: rowIdsOf(decision.recordId), reason, retryable: result ? !result.ok && result.retryable : true });
      continue;
    }
    const prior = previous.get(decision.recordId);
    // A write echoes back; the stored inputs must be the ones written from, even when the decision is the same.
    const staleInputs = write !== null && decision.inputDigest !== undefined && prior?.inputDigest !== decision.inputDigest;
    if (decisionChanged(prior, decision) || staleInputs) {
      commits.push({ decision, writtenFields: write ? Object.keys(write.fields) : [] });
      committed.add(decision.recordId);
      audit.push(...loopAuditOf(ref, nowIso, prior ?? null, decision, lead, definition, now));
      if (!prior || prior.stage !== decision.stage || prior.ownerId !== decision.ownerId) {
        audit.push({
          tenant: ref,
          at: nowIso,
          actor: 'accord',
          action: 'lead.decided',
          recordId: decision.recordId,
          detail: {
            stage: decision.stage,
            previousStage: prior?.stage ?? null,
            score: decision.score,
            ownerId: decision.ownerId,
            definitionVersion: decision.definitionVersion,
          },
        });
      }
    }
    if (write) {
      stats.recordsWritten += 1;
      stats.fieldsWritten += Object.keys(write.fields).length;
    }
    settled.push({ decision, lead });
    outcomes.done.push(...rowIdsOf(decision.recordId));
  }
  await yieldToEventLoop();
  await store.commitDecisions(ref, commits, routingState, audit);
  await yieldToEventLoop();
  // After the commit: a feedback row stands for a rejection the record and the history both show.
  const recorded = feedback.filter((f) => committed.has(f.recordId));
  if (recorded.length > 0) await store.recordFeedback(ref, recorded, nowIso);
  // What the dashboard slices by (source, campaign, region, outcome), kept per record.
  for (const slice of chunk(leads, leadsPerWrite)) {
    await store.upsertLeadFacts(ref, slice.map((lead) => leadFactsOf(lead, definition)), nowIso);
    await yieldToEventLoop();
  }
  // The lead each decision was made from: the settings preview re-decides open leads from these without a CRM call.
  for (const slice of chunk(leads, leadsPerWrite)) {
    await store.upsertLeadSnapshots(ref, slice);
    await yieldToEventLoop();
  }
  // A candidate definition in shadow decides the same leads; stored only, and it never fails this pass.
  const shadowContext = { owners, routingState, ...(accountOwners ? { accountOwners } : {}) };
  await recordShadowDecisions({ store, logger: deps.logger, ref, now, settled, liveDefinition: definition, context: shadowContext });
  for (const commit of commits) deps.metrics?.decisions.inc({ crm: tenant.crm, stage: commit.decision.stage });
  stats.recordsDecided += decided.length;
  stats.lastDecidedAt = nowIso;
  return outcomes;
}

/** The loop's moments worth an audit line: sales accepted the lead (with its time to first touch), or sent it back. */
function loopAuditOf(ref: TenantRef, at: string, prior: Decision | null, decision: Decision, lead: Lead, definition: Definition, now: Date): AuditEntry[] {
  const entries: AuditEntry[] = [];
  if (decision.stage === 'sql' && prior?.stage !== 'sql') {
    const acceptance = detectAcceptance(prior, lead, definition, now);
    entries.push({
      tenant: ref,
      at,
      actor: 'accord',
      action: 'lead.accepted',
      recordId: decision.recordId,
      detail: { acceptedAt: decisionExtras(decision).acceptedAt, timeToFirstTouchMs: acceptance?.timeToFirstTouchMs ?? null, by: acceptance?.by ?? null, ownerId: decision.ownerId },
    });
  }
  const rejection = decisionExtras(decision).rejection;
  if (rejection !== null && (prior === null || decisionExtras(prior).rejection?.rejectedAt !== rejection.rejectedAt)) {
    entries.push({
      tenant: ref,
      at,
      actor: 'accord',
      action: 'lead.rejected',
      recordId: decision.recordId,
      detail: { reason: rejection.reason, previousOwnerId: prior?.ownerId ?? null, ownerId: decision.ownerId, previousStage: prior?.stage ?? null },
    });
  }
  return entries;
}
