import type { Logger } from 'pino';
import { accordFieldsOf, changedAccordFields } from '../core/accord-field-changes';
import { applyEscalation } from '../core/apply-escalation';
import { chunk } from '../core/chunk';
import type { LeadWrite, WriteOutcome } from '../core/crm-adapter';
import type { Decision } from '../core/decision';
import { defaultDefinition } from '../core/default-definition';
import type { TenantRef } from '../core/lead';
import { leadSummaryOf, type LeadSummary } from '../core/lead-summary';
import { escalationAlertOf, type EscalationAlert } from '../core/notify/escalation-alert';
import { escalationToSlackMessage } from '../core/notify/escalation-to-slack-message';
import { escalationToTeamsMessage } from '../core/notify/escalation-to-teams-message';
import { planEscalation, type EscalationPlan } from '../core/plan-escalation';
import { slaState } from '../core/sla-state';
import type { Notifier } from '../notify/notifier';
import type { AuditEntry, DecisionCommit, Store, TenantRecord } from '../store/store';
import { callCrm } from './call-crm';
import type { Clock } from './clock';
import { syncOwners } from './sync-owners';
import type { CrmRuntime } from './tenant-runtime';

export interface SlaSweepDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
}

export interface SlaSweepResult {
  tenant: TenantRef;
  open: number;
  /** Records whose SLA state on the CRM changed (escalations included). */
  written: number;
  escalated: number;
  alerts: EscalationAlert[];
}

/**
 * One tenant's SLA sweep: every lead waiting for sales gets its SLA state written when it moved
 * (on track → due soon → breached), and each new breach is escalated per the definition — new owner,
 * due time and why on the record, the decision, routing state and an audit line committed together,
 * then the team's channel told. The record is not read: the stored decision is what was written to it.
 */
export async function sweepTenantSlas(deps: SlaSweepDeps, tenant: TenantRecord): Promise<SlaSweepResult> {
  const { store, runtime, clock } = deps;
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const now = new Date(clock.now());
  const nowIso = now.toISOString();
  const open = await store.listOpenSlas(ref);
  const result: SlaSweepResult = { tenant: ref, open: open.length, written: 0, escalated: 0, alerts: [] };
  if (open.length === 0) return result;

  const definition = (await store.getPublishedDefinition(ref))?.definition ?? defaultDefinition;
  const adapter = runtime.adapterFor(tenant.crm);
  const connection = runtime.connectionFor(tenant);
  const limiter = runtime.limiterFor(ref);
  const call = <T>(label: string, request: () => Promise<T>) => callCrm(limiter, clock, label, request);
  const owners = await syncOwners(store, ref, call, () => adapter.listOwners(connection), nowIso, false);
  let routingState = await store.getRoutingState(ref);

  const changed: Array<{ before: Decision; after: Decision; plan: EscalationPlan | null; write: LeadWrite }> = [];
  for (const before of open) {
    const plan = planEscalation(before, definition, owners, routingState, now);
    let after: Decision;
    if (plan !== null) {
      routingState = plan.newRoutingState;
      const escalated = applyEscalation(before, plan, owners);
      after = { ...escalated, slaState: slaState(escalated, now, definition.sla.dueSoonFraction) };
    } else {
      const state = slaState(before, now, definition.sla.dueSoonFraction);
      if ((before.slaState ?? null) === state && before.slaState !== undefined) continue;
      after = { ...before, slaState: state, decidedAt: nowIso };
    }
    const fields = changedAccordFields(accordFieldsOf(before), accordFieldsOf(after));
    if (Object.keys(fields).length === 0 && plan === null) continue;
    changed.push({ before, after, plan, write: { recordId: before.recordId, fields } });
  }
  if (changed.length === 0) return result;

  const outcomes = new Map<string, WriteOutcome>();
  const writes = changed.map((c) => c.write).filter((w) => Object.keys(w.fields).length > 0);
  for (const batch of chunk(writes, adapter.batchLimits.write)) {
    for (const outcome of await call('writeDecisions', () => adapter.writeDecisions(connection, batch))) outcomes.set(outcome.recordId, outcome);
  }

  const commits: DecisionCommit[] = [];
  const audit: AuditEntry[] = [];
  const escalated: Array<{ before: Decision; plan: EscalationPlan }> = [];
  for (const { before, after, plan, write } of changed) {
    const outcome = outcomes.get(before.recordId);
    const hasWrite = Object.keys(write.fields).length > 0;
    if (hasWrite && (!outcome || !outcome.ok)) {
      // Not committed: the next sweep, a minute later, tries the same again.
      deps.logger.warn({ crm: ref.crm, tenant: ref.tenantId, record: before.recordId, err: outcome && !outcome.ok ? outcome.code : 'no result' }, 'SLA write failed');
      continue;
    }
    commits.push({ decision: after, writtenFields: Object.keys(write.fields) });
    if (plan !== null) {
      escalated.push({ before, plan });
      audit.push({
        tenant: ref,
        at: nowIso,
        actor: 'accord',
        action: 'sla.escalated',
        recordId: before.recordId,
        detail: {
          action: plan.action,
          breachedAt: plan.escalation.breachedAt,
          fromOwnerId: plan.escalation.fromOwnerId,
          toOwnerId: plan.escalation.toOwnerId,
          note: plan.escalation.note,
          newSlaDueAt: plan.newSlaDueAt,
        },
      });
    }
  }
  await store.commitDecisions(ref, commits, routingState, audit);
  result.written = commits.length;
  result.escalated = escalated.length;
  if (escalated.length > 0) result.alerts = await alertChannels(deps, tenant, escalated, owners, definition.timeZone);
  return result;
}

/** Tells the team's channel about each escalation, naming the lead (one batch read, only when a channel listens). */
async function alertChannels(
  deps: SlaSweepDeps,
  tenant: TenantRecord,
  escalated: Array<{ before: Decision; plan: EscalationPlan }>,
  owners: Parameters<typeof escalationAlertOf>[3],
  timeZone: string,
): Promise<EscalationAlert[]> {
  const summaries = new Map<string, LeadSummary>();
  const notifier = await deps.notifier.forTenant(tenant);
  if (notifier.enabled) {
    const adapter = deps.runtime.adapterFor(tenant.crm);
    const connection = deps.runtime.connectionFor(tenant);
    const limiter = deps.runtime.limiterFor(tenant);
    try {
      for (const ids of chunk(escalated.map((e) => e.before.recordId), adapter.batchLimits.read)) {
        const leads = await callCrm(limiter, deps.clock, 'readLeads', () => adapter.readLeads(connection, ids));
        for (const lead of leads) summaries.set(lead.recordId, leadSummaryOf(lead, null));
      }
    } catch (error) {
      // The alert still goes out, naming the record instead of the person.
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'could not read escalated leads for the alert');
    }
  }
  const alerts: EscalationAlert[] = [];
  for (const { before, plan } of escalated) {
    const summary = summaries.get(before.recordId) ?? { recordId: before.recordId, name: null, company: null, title: null, source: null, campaign: null, signals: [] };
    const alert = escalationAlertOf(before, plan, summary, owners, timeZone);
    alerts.push(alert);
    if (notifier.enabled) await notifier.send({ slack: escalationToSlackMessage(alert), teams: escalationToTeamsMessage(alert) });
  }
  return alerts;
}
