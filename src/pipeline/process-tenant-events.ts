import type { Logger } from 'pino';
import { accordFieldsOf, changedAccordFields } from '../core/accord-field-changes';
import type { LeadWrite, WriteOutcome } from '../core/crm-adapter';
import type { Decision } from '../core/decision';
import { decideWithRouting } from '../core/decide';
import { defaultDefinition } from '../core/default-definition';
import type { Lead, TenantRef } from '../core/lead';
import type { AuditEntry, DecisionCommit, InboxRow, Store, TenantRecord } from '../store/store';
import { callCrm, type CrmCallPolicy } from './call-crm';
import { chunk } from '../core/chunk';
import type { Clock } from './clock';
import { groupBy } from './group-by';
import { readOnlyRecordCodes } from './read-only-record-codes';
import { syncOwners } from './sync-owners';
import type { CrmRuntime } from './tenant-runtime';
import type { WorkerStats } from './worker-stats';

export interface TenantBatchDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
  stats: WorkerStats;
  callPolicy: CrmCallPolicy;
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
    previous.slaDueAt !== next.slaDueAt
  );
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
    outcomes.done.push(...removals.map((r) => r.id));
  }

  const rowsByRecord = groupBy(
    rows.filter((r) => r.event.kind === 'created' || r.event.kind === 'changed'),
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
  const call = <T>(label: string, request: () => Promise<T>) => callCrm(limiter, clock, label, request, deps.callPolicy, observer);

  const published = await store.getPublishedDefinition(ref);
  const definition = published?.definition ?? defaultDefinition;
  const owners = await syncOwners(store, ref, (label, request) => call(label, request), () => adapter.listOwners(connection), nowIso, false);
  let routingState = await store.getRoutingState(ref);
  const previous = await store.getLatestDecisions(ref, recordIds);

  const leads: Lead[] = [];
  for (const ids of chunk(recordIds, adapter.batchLimits.read)) {
    leads.push(...(await call('readLeads', () => adapter.readLeads(connection, ids))));
  }
  const found = new Set(leads.map((l) => l.recordId));
  // Records deleted in the CRM since the event: nothing to decide.
  for (const id of recordIds) if (!found.has(id)) outcomes.done.push(...rowIdsOf(id));

  const decided: Array<{ decision: Decision; write: LeadWrite | null }> = [];
  for (const lead of leads) {
    const outcome = decideWithRouting(lead, definition, { owners, routingState, previous: previous.get(lead.recordId) ?? null }, now);
    // What the decision was made from, so an echo of the write that follows can be recognised on arrival.
    const decision = lead.inputDigest === undefined ? outcome.decision : { ...outcome.decision, inputDigest: lead.inputDigest };
    routingState = outcome.routingState;
    const fields = changedAccordFields(lead.accord, accordFieldsOf(decision));
    decided.push({ decision, write: Object.keys(fields).length > 0 ? { recordId: lead.recordId, fields } : null });
  }

  const writeResults = new Map<string, WriteOutcome>();
  const writes = decided.flatMap((d) => (d.write ? [d.write] : []));
  for (const batch of chunk(writes, adapter.batchLimits.write)) {
    const results = await call('writeDecisions', () => adapter.writeDecisions(connection, batch));
    for (const result of results) writeResults.set(result.recordId, result);
  }

  const commits: DecisionCommit[] = [];
  const audit: AuditEntry[] = [];
  for (const { decision, write } of decided) {
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
    outcomes.done.push(...rowIdsOf(decision.recordId));
  }
  await store.commitDecisions(ref, commits, routingState, audit);
  stats.recordsDecided += decided.length;
  stats.lastDecidedAt = nowIso;
  return outcomes;
}
