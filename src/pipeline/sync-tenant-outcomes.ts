import type { OutcomeLead, OutcomeRules } from '../core/crm-adapter';
import type { TenantRef } from '../core/lead';
import { factsWithOutcome } from '../metrics/facts-with-outcome';
import type { LeadFacts, Store, TenantRecord } from '../store/store';
import { callCrm, defaultCrmCallPolicy, type CrmCallPolicy } from './call-crm';
import type { Clock } from './clock';
import type { CrmRuntime } from './tenant-runtime';

export const outcomeSyncCursorName = 'outcomes';

/**
 * Each run looks back this far before the newest change it saw last time: HubSpot's search index
 * trails writes by seconds and Salesforce stamps to the second, so a change made just before a run can
 * show up after it. Re-reading the overlap is free: a record whose facts would not change is not written.
 */
export const outcomeSyncOverlapMs = 5 * 60_000;

export interface OutcomeSyncDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  callPolicy?: CrmCallPolicy;
}

export interface OutcomeSyncResult {
  tenant: TenantRef;
  /** Records the CRM listed as having an outcome (changed since the cursor, once there is one). */
  read: number;
  /** Records whose facts took a new outcome, time or amount. */
  recorded: number;
  /** The newest change seen, where the next run resumes; null while the CRM has listed nothing. */
  cursor: string | null;
}

/**
 * Records how the tenant's deals ended in the lead facts the scoreboard reads: won (a customer, a won
 * opportunity) or lost (disqualified, closed lost), when, and the amount. Only records Accord has
 * decided (they have facts) are touched, and only the outcome, its time and the amount change.
 */
export async function syncTenantOutcomes(deps: OutcomeSyncDeps, tenant: TenantRecord): Promise<OutcomeSyncResult> {
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const adapter = deps.runtime.adapterFor(tenant.crm);
  if (!adapter.listOutcomeLeads) throw new Error(`the ${tenant.crm} adapter cannot list outcomes`);
  const list = adapter.listOutcomeLeads.bind(adapter);
  const stored = await deps.store.getCursor(ref, outcomeSyncCursorName);
  const rules: OutcomeRules = stored === null ? {} : { modifiedSince: new Date(Date.parse(stored) - outcomeSyncOverlapMs).toISOString() };
  const facts = new Map((await deps.store.listLeadFacts(ref)).map((f) => [f.recordId, f]));
  const limiter = deps.runtime.limiterFor(ref);

  const changed = new Map<string, LeadFacts>();
  let newest = stored;
  let read = 0;
  let after: string | null = null;
  do {
    const cursor: string | null = after;
    // The connection is resolved per page: a long first listing outlives a 30-minute access token.
    const page: { outcomes: OutcomeLead[]; after: string | null } = await callCrm(
      limiter,
      deps.clock,
      'listOutcomeLeads',
      () => list(deps.runtime.connectionFor(tenant), cursor, rules),
      deps.callPolicy ?? defaultCrmCallPolicy,
    );
    for (const outcome of page.outcomes) {
      read += 1;
      if (outcome.modifiedAt !== undefined && (newest === null || outcome.modifiedAt > newest)) newest = outcome.modifiedAt;
      const id = outcome.lead.recordId;
      const current = changed.get(id) ?? facts.get(id);
      if (outcome.deal === undefined || current === undefined) continue;
      const next = factsWithOutcome(current, outcome.deal);
      if (next !== null) changed.set(id, next);
    }
    after = page.after;
  } while (after !== null);

  const nowIso = new Date(deps.clock.now()).toISOString();
  // Facts first: a crash before the cursor moves only means the next run reads the same changes again.
  if (changed.size > 0) await deps.store.upsertLeadFacts(ref, [...changed.values()], nowIso);
  if (newest !== null && newest !== stored) await deps.store.setCursor(ref, outcomeSyncCursorName, newest, nowIso);
  return { tenant: ref, read, recorded: changed.size, cursor: newest };
}
