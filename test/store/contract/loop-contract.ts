import { composeWeeklyDigest } from '../../../src/core/notify/compose-weekly-digest';
import type { FeedbackRecord } from '../../../src/core/feedback-record';
import { at, decision, tenantA, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

function feedback(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    crm: tenantA.crm,
    tenantId: tenantA.tenantId,
    recordId: '51234',
    reason: 'no_budget',
    reasonText: 'no_budget',
    note: 'Budget frozen until Q3',
    repOwnerId: '901',
    repName: 'Maria Lopez',
    source: 'PAID_SEARCH',
    campaign: 'spring-launch',
    lead: { recordId: '51234', name: 'Pat Lee', company: 'Acme', title: 'VP Sales', source: 'PAID_SEARCH', campaign: 'spring-launch', signals: [] },
    definitionVersion: 3,
    scoreAtRouting: 82,
    routedAt: at(0),
    rejectedAt: at(30),
    classification: { kind: 'definition_miss', basis: 'met_definition', reason: 'no_budget', failedChecks: [], explanation: 'met the definition when routed' },
    ...overrides,
  };
}

/** Feedback, digests and the SLA sweep's open SLAs. */
export function describeLoopContract(makeStore: MakeStore): void {
  describe('loop: feedback, digests, open SLAs', () => {
    const store = useFreshStore(makeStore);

    it('records each rejection once and lists them by rejection time within a range', async () => {
      expect(await store().recordFeedback(tenantA, [feedback(), feedback({ recordId: '2', rejectedAt: at(90) })], at(100))).toBe(2);
      // The same rejection seen again (a re-score, another instance) is not a second row.
      expect(await store().recordFeedback(tenantA, [feedback()], at(120))).toBe(0);
      // The rep rejecting again later is a new rejection.
      expect(await store().recordFeedback(tenantA, [feedback({ rejectedAt: at(200), reason: 'poor_timing' })], at(200))).toBe(1);

      const all = await store().listFeedback(tenantA);
      expect(all.map((f) => [f.recordId, f.reason])).toEqual([['51234', 'no_budget'], ['2', 'no_budget'], ['51234', 'poor_timing']]);
      expect(all[0]).toEqual(feedback());
      expect((await store().listFeedback(tenantA, { since: at(60), until: at(200) })).map((f) => f.recordId)).toEqual(['2']);
      expect(await store().listFeedback(tenantB)).toEqual([]);
    });

    it('refuses feedback of another tenant', async () => {
      await expect(store().recordFeedback(tenantB, [feedback()], at(0))).rejects.toThrow(/belongs to tenant/);
      expect(await store().listFeedback(tenantA)).toEqual([]);
    });

    it('keeps digests and returns the latest', async () => {
      expect(await store().latestDigest(tenantA)).toBeNull();
      const first = composeWeeklyDigest({ rejections: [feedback()], conversions: [], now: new Date(at(60)), timeZone: 'UTC' });
      const second = composeWeeklyDigest({ rejections: [], conversions: [], now: new Date(at(7 * 24 * 60 + 60)), timeZone: 'UTC' });
      await store().saveDigest(tenantA, first, at(61));
      const saved = await store().saveDigest(tenantA, second, at(7 * 24 * 60 + 61));
      const latest = await store().latestDigest(tenantA);
      expect(latest).toEqual(saved);
      expect(latest).toMatchObject({ tenant: tenantA, periodEnd: second.periodEnd, createdAt: at(7 * 24 * 60 + 61), digest: second });
      expect(await store().latestDigest(tenantB)).toBeNull();
    });

    it('lists the latest decisions still waiting for sales, optionally only those due before a time', async () => {
      const commits = [
        decision({ recordId: 'waiting-soon', slaDueAt: at(60) }),
        decision({ recordId: 'waiting-later', slaDueAt: at(600) }),
        decision({ recordId: 'accepted', slaDueAt: at(60) }),
        decision({ recordId: 'accepted', stage: 'sql', slaDueAt: null, acceptedAt: at(30), decidedAt: at(30) }),
        decision({ recordId: 'nurture', stage: 'nurture', slaDueAt: null, slaTier: null }),
      ].map((d) => ({ decision: d, writtenFields: [] }));
      await store().commitDecisions(tenantA, commits, {}, []);
      expect((await store().listOpenSlas(tenantA)).map((d) => d.recordId)).toEqual(['waiting-later', 'waiting-soon']);
      expect((await store().listOpenSlas(tenantA, at(120))).map((d) => d.recordId)).toEqual(['waiting-soon']);
      expect(await store().listOpenSlas(tenantB)).toEqual([]);
    });
  });
}
