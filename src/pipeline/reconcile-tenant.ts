import { accordFieldsOf, changedAccordFields } from '../core/accord-field-changes';
import type { CrmEvent } from '../core/crm-event';
import type { Decision } from '../core/decision';
import type { Lead, TenantRef } from '../core/lead';
import type { Store, TenantRecord } from '../store/store';
import { callCrm, defaultCrmCallPolicy, type CrmCallPolicy } from './call-crm';
import type { ChangeFeed, ChangedRecord } from './change-feed';
import type { Clock } from './clock';
import { reconcileDeletions, type DeletionReconcileResult } from './reconcile-deletions';
import type { CrmRuntime } from './tenant-runtime';

export const reconcileCursorName = 'reconcile';

/**
 * Salesforce keeps audit times to the second and commits after stamping them, so a record can appear
 * with a time at or just before the cursor after the previous poll ran. Each poll looks back this far;
 * dedupe keys and the "nothing to do" check make the overlap free.
 */
export const reconcileOverlapMs = 60_000;

export interface ReconcileResult {
  tenant: TenantRef;
  /** Records the CRM reported as changed since the cursor. */
  seen: number;
  /** Of those, events put in the inbox (not decided on these values, or Accord's fields differ). */
  enqueued: number;
  duplicates: number;
  cursor: string;
  /** The CRM has more changes than one poll takes; the next poll continues from the cursor. */
  more: boolean;
  /** The CRM's deletions (null when its feed has no delete log: it notifies deletions itself). */
  deletions: DeletionReconcileResult | null;
}

export interface ReconcileDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  callPolicy?: CrmCallPolicy;
}

/**
 * Finds changes the CRM's notifications never delivered (Salesforce drops an outbound message after
 * 24 hours of failed deliveries) and feeds them to the same pipeline as `changed` events. Records whose
 * inputs are the ones their latest decision was made from, and whose Accord fields hold what it wrote,
 * need nothing and are skipped — so Accord's own write-backs cost nothing here either.
 */
export async function reconcileTenant(deps: ReconcileDeps, feed: ChangeFeed, tenant: TenantRecord, maxRecords: number): Promise<ReconcileResult> {
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const stored = await deps.store.getCursor(ref, reconcileCursorName);
  const cursor = stored ?? tenant.installedAt;
  const since = new Date(Date.parse(cursor) - reconcileOverlapMs).toISOString();
  const connection = deps.runtime.connectionFor(tenant);
  const { changes, more } = await callCrm(
    deps.runtime.limiterFor(ref),
    deps.clock,
    'listChangedSince',
    () => feed.listChangedSince(connection, since, maxRecords),
    deps.callPolicy ?? defaultCrmCallPolicy,
  );
  const latest = await deps.store.getLatestDecisions(ref, [...new Set(changes.map((change) => change.lead.recordId))]);
  const events = changes.filter((change) => needsDecision(change.lead, latest.get(change.lead.recordId))).map((change) => toEvent(ref, change));
  const nowIso = new Date(deps.clock.now()).toISOString();
  const { inserted, duplicates } = events.length > 0 ? await deps.store.enqueueEvents(events, nowIso) : { inserted: 0, duplicates: 0 };
  const newest = changes.reduce((max, change) => (Date.parse(change.modifiedAt) > Date.parse(max) ? change.modifiedAt : max), cursor);
  if (newest !== stored) await deps.store.setCursor(ref, reconcileCursorName, newest, nowIso);
  const deletions = feed.listDeletedSince ? await reconcileDeletions(deps, feed.listDeletedSince.bind(feed), tenant) : null;
  return { tenant: ref, seen: changes.length, enqueued: inserted, duplicates, cursor: newest, more, deletions };
}

function needsDecision(lead: Lead, decision: Decision | undefined): boolean {
  if (!decision || lead.inputDigest === undefined || decision.inputDigest !== lead.inputDigest) return true;
  return Object.keys(changedAccordFields(lead.accord, accordFieldsOf(decision))).length > 0;
}

function toEvent(ref: TenantRef, change: ChangedRecord): CrmEvent {
  return {
    crm: ref.crm,
    tenantId: ref.tenantId,
    recordId: change.lead.recordId,
    kind: 'changed',
    changedFields: [],
    occurredAt: change.modifiedAt,
    // One event per record state: a later poll seeing the same state again is a duplicate.
    dedupeKey: `${ref.crm}:${ref.tenantId}:reconcile:${change.lead.recordId}:${change.modifiedAt}`,
    ownWrite: false,
  };
}
