import type { TenantRef } from '../../../src/core/lead';
import type { Store } from '../../../src/store/store';
import { at, auditEntry, crmEvent, decision, owner, sampleDefinition, tenantA, tenantAOnSalesforce, tenantB, tenantRecord } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

/** Gives tenant A one of everything; returns the ids another tenant might try to reach. */
async function seedTenantA(store: Store): Promise<{ draftId: number; publishedId: number }> {
  await store.upsertTenant(tenantRecord(tenantA));
  const published = await store.saveDraft(tenantA, sampleDefinition('A published'), 'ops', at(0));
  await store.publishDraft(tenantA, published.id, 'cro', at(1));
  const draft = await store.saveDraft(tenantA, sampleDefinition('A draft'), 'ops', at(2));
  await store.enqueueEvents([crmEvent({ dedupeKey: 'a-dead' })], at(3));
  const [row] = await store.claimEvents('worker-1', 1, at(4), at(9));
  await store.deadLetterEvents([row!.id], 'bad payload', at(5));
  await store.commitDecisions(
    tenantA,
    [{ decision: decision({ recordId: '51234' }), writtenFields: ['accord_score'] }],
    { 'americas-mm': { '901': 1 } },
    [auditEntry()],
  );
  await store.replaceOwners(tenantA, [owner('901', 'Maria Lopez')], at(6));
  await store.appendAudit([auditEntry({ action: 'definition.published', recordId: null })]);
  return { draftId: draft.id, publishedId: published.id };
}

export function describeTenantIsolationContract(makeStore: MakeStore): void {
  describe('tenant isolation', () => {
    const store = useFreshStore(makeStore);

    const others: [string, TenantRef][] = [
      ['another portal', tenantB],
      ['the same id in the other CRM', tenantAOnSalesforce],
    ];

    it.each(others)('never returns tenant A rows to %s', async (_, other) => {
      const { draftId, publishedId } = await seedTenantA(store());

      expect(await store().getTenant(other)).toBeNull();
      expect(await store().listTenants(other.crm)).not.toContainEqual(expect.objectContaining({ tenantId: other.tenantId, crm: other.crm }));
      expect(await store().getPublishedDefinition(other)).toBeNull();
      expect(await store().getDefinition(other, draftId)).toBeNull();
      expect(await store().getDefinition(other, publishedId)).toBeNull();
      expect(await store().listDefinitions(other)).toEqual([]);
      expect(await store().listDeadLetters(other)).toEqual([]);
      expect(await store().getLatestDecision(other, '51234')).toBeNull();
      expect(await store().getLatestDecisions(other, ['51234'])).toEqual(new Map());
      expect(await store().listCurrentDecisions(other)).toEqual([]);
      expect(await store().decisionHistory(other, '51234')).toEqual([]);
      expect(await store().getRoutingState(other)).toEqual({});
      expect(await store().listOwners(other)).toEqual([]);
      expect(await store().listAudit(other, 100)).toEqual([]);

      // The seed really is there: the empty answers above are isolation, not an empty store.
      expect(await store().listDefinitions(tenantA)).toHaveLength(2);
      expect(await store().listDeadLetters(tenantA)).toHaveLength(1);
      expect(await store().listCurrentDecisions(tenantA)).toHaveLength(1);
      expect(await store().listOwners(tenantA)).toHaveLength(1);
      expect(await store().listAudit(tenantA, 100)).toHaveLength(2);
    });

    it.each(others)('refuses %s publishing tenant A drafts', async (_, other) => {
      const { draftId } = await seedTenantA(store());

      await expect(store().publishDraft(other, draftId, 'intruder', at(10))).rejects.toThrow(/does not exist/);
      expect(await store().getDefinition(tenantA, draftId)).toMatchObject({ status: 'draft', version: 0 });
    });

    it.each(others)('keeps writes of %s out of tenant A', async (_, other) => {
      await seedTenantA(store());
      await store().upsertTenant(tenantRecord(other, { name: 'Other' }));
      await store().replaceOwners(other, [owner('555', 'Lee Chan')], at(20));
      await store().commitDecisions(
        other,
        [{ decision: decision({ ...other, recordId: '51234', score: 5, stage: 'nurture' }), writtenFields: [] }],
        { other: { '555': 0 } },
        [],
      );
      const otherDraft = await store().saveDraft(other, sampleDefinition('Other'), 'ops', at(21));
      await store().publishDraft(other, otherDraft.id, 'cro', at(22));

      expect((await store().getTenant(tenantA))?.name).toBe(tenantRecord(tenantA).name);
      expect(await store().listOwners(tenantA)).toEqual([owner('901', 'Maria Lopez')]);
      expect(await store().getLatestDecision(tenantA, '51234')).toMatchObject({ score: 80, tenantId: tenantA.tenantId });
      expect(await store().getRoutingState(tenantA)).toEqual({ 'americas-mm': { '901': 1 } });
      expect((await store().getPublishedDefinition(tenantA))?.definition.name).toBe('A published');
      expect((await store().getPublishedDefinition(other))?.version).toBe(1);
    });
  });
}
