import type { FeedbackRecord } from '../../../src/core/feedback-record';
import { leadSummaryOf } from '../../../src/core/lead-summary';
import type { Store } from '../../../src/store/store';
import type { TenantRef } from '../../../src/core/lead';
import { makeLead } from '../../core/make-lead';
import { at, crmEvent, decision, sampleDefinition, tenantA, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';
import { shadowDecision } from './shadow-contract';

function feedback(ref: TenantRef, recordId: string): FeedbackRecord {
  const lead = makeLead({ ...ref, recordId });
  return {
    ...ref,
    recordId,
    reason: 'no_budget',
    reasonText: 'No budget',
    note: 'call back in Q3',
    repOwnerId: '9001',
    repName: 'Rep One',
    source: 'ORGANIC_SEARCH',
    campaign: null,
    lead: leadSummaryOf(lead, null),
    definitionVersion: 1,
    scoreAtRouting: 80,
    routedAt: at(1),
    rejectedAt: at(2),
    classification: { kind: 'sales_miss' },
  } as unknown as FeedbackRecord;
}

/** Stores something about `recordId` in every per-record table. */
async function storeEverything(store: Store, ref: TenantRef, recordId: string, prefix: string): Promise<void> {
  const event = (n: number) => crmEvent({ ...ref, recordId, dedupeKey: `${prefix}-${recordId}-${n}` });
  await store.enqueueEvents([event(1), event(2)], at(0));
  const claimed = await store.claimEvents(`${prefix}-worker`, 100, at(0), at(1));
  const isFirst = (row: { event: { dedupeKey: string } }) => row.event.dedupeKey === `${prefix}-${recordId}-1`;
  await store.deadLetterEvents(claimed.filter(isFirst).map((r) => r.id), 'CRM unavailable', at(0));
  await store.retryEvents(claimed.filter((r) => !isFirst(r)).map((r) => r.id), at(0), 'put back');
  await store.commitDecisions(ref, [{ decision: decision({ ...ref, recordId }), writtenFields: ['accord_score'] }], {}, []);
  await store.upsertLeadFacts(ref, [{ recordId, createdAt: at(0), source: 'ORGANIC_SEARCH', campaign: null, country: 'Germany', region: null, outcome: null, outcomeAt: null, amount: null }], at(0));
  await store.recordFeedback(ref, [feedback(ref, recordId)], at(2));
  await store.upsertLeadSnapshots(ref, [makeLead({ ...ref, recordId })]);
  await store.saveRecordRejection(ref, { recordId, reason: 'no_budget', note: null, actorId: '9001', actorEmail: 'rep@acme.example', rejectedAt: at(2) });
  // One shadow run per tenant holds the shadow decisions of all its records.
  let run = await store.getActiveShadowRun(ref, at(1));
  if (run === null) {
    const draft = await store.saveDraft(ref, sampleDefinition(), 'ops', at(0));
    run = await store.startShadowRun(ref, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'ops' });
  }
  await store.saveShadowDecisions(ref, run.id, [shadowDecision(recordId)]);
}

export function describePurgeContract(makeStore: MakeStore): void {
  describe('privacy purge', () => {
    const store = useFreshStore(makeStore);

    it('removes everything stored about one record, keeps the other records and tenants, and audits counts only', async () => {
      await storeEverything(store(), tenantA, '51234', 'a');
      await storeEverything(store(), tenantA, '60001', 'keep');
      await storeEverything(store(), tenantB, '51234', 'b');

      const counts = await store().purgeRecord(tenantA, '51234', at(5));

      expect(counts).toEqual({ inbox: 1, dead_letters: 1, decisions: 1, lead_facts: 1, feedback: 1, lead_snapshots: 1, record_rejections: 1, shadow_decisions: 1 });
      expect(await store().decisionHistory(tenantA, '51234')).toEqual([]);
      expect((await store().listLeadFacts(tenantA)).map((f) => f.recordId)).toEqual(['60001']);
      expect((await store().listFeedback(tenantA)).map((f) => f.recordId)).toEqual(['60001']);
      expect((await store().listLeadSnapshots(tenantA)).map((l) => l.recordId)).toEqual(['60001']);
      expect(await store().getRecordRejection(tenantA, '51234')).toBeNull();
      const [run] = await store().listShadowRuns(tenantA);
      expect((await store().listShadowDecisions(tenantA, run?.id ?? -1)).map((d) => d.recordId)).toEqual(['60001']);
      expect((await store().listDeadLetters(tenantA)).map((d) => d.event.recordId)).toEqual(['60001']);
      const pending = await store().claimEvents('after', 100, at(6), at(7));
      expect(pending.map((r) => `${r.event.tenantId}/${r.event.recordId}`).sort()).toEqual([`${tenantA.tenantId}/60001`, `${tenantB.tenantId}/51234`]);

      // Tenant B's record with the same id is untouched.
      expect(await store().decisionHistory(tenantB, '51234')).toHaveLength(1);
      expect(await store().getRecordRejection(tenantB, '51234')).not.toBeNull();

      const [audit] = await store().listAudit(tenantA, 1);
      expect(audit).toEqual({ tenant: tenantA, at: at(5), actor: 'accord', action: 'record.purged', recordId: '51234', detail: counts });
      expect(JSON.stringify(audit)).not.toMatch(/@|Pat|Lee|\+49/);
    });

    it('leaves a claimed inbox row to the worker that holds it', async () => {
      await store().enqueueEvents([crmEvent({ recordId: '51234', dedupeKey: 'privacy' })], at(0));
      const [claimed] = await store().claimEvents('worker', 1, at(0), at(5));
      expect((await store().purgeRecord(tenantA, '51234', at(1))).inbox).toBe(0);
      await store().ackEvents([claimed?.id ?? -1]);
      expect((await store().inboxStats(at(2))).pending).toBe(0);
      // Its key is remembered: a redelivered privacy event is a duplicate, not a second purge.
      expect(await store().enqueueEvents([crmEvent({ recordId: '51234', dedupeKey: 'privacy' })], at(3))).toEqual({ inserted: 0, duplicates: 1 });
    });
  });
}

/** Every migrated table with a record_id column is purged or deliberately kept: a new table cannot be forgotten. */
export function perRecordTablesOf(migrationSql: string[]): string[] {
  const tables: string[] = [];
  for (const sql of migrationSql) {
    for (const match of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
      if (/\brecord_id\b/.test(match[2] ?? '')) tables.push(match[1] ?? '');
    }
  }
  return tables.sort();
}

