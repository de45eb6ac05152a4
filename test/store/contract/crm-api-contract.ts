import { makeLead } from '../../core/make-lead';
import { at, crmEvent, tenantA, tenantB } from '../fixtures';
import type { BackfillRecord } from '../../../src/store/crm-api-records';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

/** What the CRM pages' API keeps: lead snapshots, sign-offs, backfills, card rejections, API keys, OAuth nonces. */
export function describeCrmApiContract(makeStore: MakeStore): void {
  describe('crm api tables', () => {
    const store = useFreshStore(makeStore);
    const lead = (recordId: string, title: string) => makeLead({ ...tenantA, recordId, title });

    it('keeps the last snapshot per record, per tenant, and forgets a deleted one', async () => {
      await store().upsertLeadSnapshots(tenantA, [lead('1', 'CEO'), lead('2', 'CTO')]);
      await store().upsertLeadSnapshots(tenantA, [lead('1', 'VP Sales')]);
      await store().upsertLeadSnapshots(tenantB, [makeLead({ ...tenantB, recordId: '9' })]);
      expect((await store().listLeadSnapshots(tenantA)).map((l) => [l.recordId, l.title])).toEqual([['1', 'VP Sales'], ['2', 'CTO']]);
      expect(await store().listLeadSnapshots(tenantA)).toContainEqual(lead('2', 'CTO'));
      await store().deleteLeadSnapshot(tenantA, '1');
      expect((await store().listLeadSnapshots(tenantA)).map((l) => l.recordId)).toEqual(['2']);
      expect((await store().listLeadSnapshots(tenantB)).map((l) => l.recordId)).toEqual(['9']);
      await expect(store().upsertLeadSnapshots(tenantA, [makeLead({ ...tenantB, recordId: '3' })])).rejects.toThrow(/tenant/);
    });

    it('records one sign-off per role of a draft: the first wins', async () => {
      const sales = { draftId: 7, role: 'sales' as const, approverId: '9001', approverEmail: 'cro@acme.example', approvedAt: at(1) };
      expect(await store().addDraftApproval(tenantA, sales)).toBe(true);
      expect(await store().addDraftApproval(tenantA, { ...sales, approverId: '9002', approvedAt: at(2) })).toBe(false);
      expect(await store().addDraftApproval(tenantA, { ...sales, role: 'marketing', approverId: '9003', approverEmail: null, approvedAt: at(3) })).toBe(true);
      expect(await store().listDraftApprovals(tenantA)).toEqual([sales, { ...sales, role: 'marketing', approverId: '9003', approverEmail: null, approvedAt: at(3) }]);
      expect(await store().listDraftApprovals(tenantB)).toEqual([]);
    });

    it('creates, patches and lists backfills, and counts their queued and dead events', async () => {
      const backfill: BackfillRecord = {
        id: 'bf-1', definitionVersion: 2, status: 'queued', total: 0, skipped: 0, enqueueDone: false,
        createdAt: at(0), startedAt: null, finishedAt: null, error: null,
      };
      await store().createBackfill(tenantA, backfill);
      await store().createBackfill(tenantA, { ...backfill, id: 'bf-2', createdAt: at(5) });
      await store().updateBackfill(tenantA, 'bf-1', { status: 'running', total: 3, startedAt: at(1) });
      expect(await store().getBackfill(tenantA, 'bf-1')).toEqual({ ...backfill, status: 'running', total: 3, startedAt: at(1) });
      expect(await store().getBackfill(tenantB, 'bf-1')).toBeNull();
      expect((await store().listBackfills(tenantA)).map((b) => b.id)).toEqual(['bf-2', 'bf-1']);
      await expect(store().updateBackfill(tenantB, 'bf-1', { status: 'failed' })).rejects.toThrow(/does not exist/);

      await store().enqueueEvents(
        ['1', '2', '3'].map((id) => crmEvent({ recordId: id, dedupeKey: `backfill:bf-1:${id}` })).concat(crmEvent({ recordId: '4', dedupeKey: 'backfill:bf-10:4' })),
        at(2),
      );
      const [first] = await store().claimEvents('w', 1, at(2), at(7));
      await store().deadLetterEvents([first?.id ?? -1], 'gone', at(3));
      expect(await store().backfillQueueCounts(tenantA, 'bf-1')).toEqual({ pending: 2, failed: 1 });
      expect(await store().backfillQueueCounts(tenantB, 'bf-1')).toEqual({ pending: 0, failed: 0 });
    });

    it('drains one tenant\'s inbox to the dead letters with the reason, leaving others alone', async () => {
      await store().enqueueEvents([crmEvent({ dedupeKey: 'a1' }), crmEvent({ dedupeKey: 'a2' }), crmEvent({ ...tenantB, dedupeKey: 'b1' })], at(0));
      expect(await store().deadLetterTenantInbox(tenantA, 'tenant uninstalled Accord', at(1))).toBe(2);
      expect((await store().listDeadLetters(tenantA)).map((d) => d.reason)).toEqual(['tenant uninstalled Accord', 'tenant uninstalled Accord']);
      expect((await store().inboxStats(at(1))).pending).toBe(1);
    });

    it('keeps the latest card rejection per record', async () => {
      const rejection = { recordId: '51234', reason: 'no_budget', note: null, actorId: '9001', actorEmail: 'rep@acme.example', rejectedAt: at(4) };
      await store().saveRecordRejection(tenantA, rejection);
      await store().saveRecordRejection(tenantA, { ...rejection, reason: 'student', rejectedAt: at(6) });
      expect(await store().getRecordRejection(tenantA, '51234')).toEqual({ ...rejection, reason: 'student', rejectedAt: at(6) });
      expect(await store().getRecordRejection(tenantB, '51234')).toBeNull();
    });

    it('finds a tenant by its API key hash; a new key replaces the old', async () => {
      await store().setApiKeyHash(tenantA, 'aaa', at(0));
      expect(await store().findTenantByApiKeyHash('hubspot', 'aaa')).toEqual(tenantA);
      await store().setApiKeyHash(tenantA, 'bbb', at(1));
      expect(await store().findTenantByApiKeyHash('hubspot', 'aaa')).toBeNull();
      expect(await store().findTenantByApiKeyHash('hubspot', 'bbb')).toEqual(tenantA);
      expect(await store().findTenantByApiKeyHash('salesforce', 'bbb')).toBeNull();
    });

    it('accepts an OAuth state nonce once', async () => {
      expect(await store().useOauthState('n1', at(0), at(10))).toBe(true);
      expect(await store().useOauthState('n1', at(1), at(10))).toBe(false);
      expect(await store().useOauthState('n2', at(1), at(10))).toBe(true);
    });
  });
}
