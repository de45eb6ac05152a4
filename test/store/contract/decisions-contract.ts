import { at, auditEntry, decision, tenantA, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeDecisionsContract(makeStore: MakeStore): void {
  describe('decisions and routing state', () => {
    const store = useFreshStore(makeStore);

    const nurtured = decision({ recordId: '51234', score: 45, stage: 'mql', decidedAt: at(0), definitionVersion: 1 });
    const promoted = decision({ recordId: '51234', score: 80, stage: 'sales_ready', decidedAt: at(30), definitionVersion: 2 });
    const other = decision({ recordId: '51300', score: 10, stage: 'nurture', decidedAt: at(10) });

    it('keeps every decision of a record, oldest first, and serves the newest as latest', async () => {
      await store().commitDecisions(tenantA, [{ decision: nurtured, writtenFields: ['accord_score', 'accord_stage'] }], {}, []);
      await store().commitDecisions(tenantA, [{ decision: other, writtenFields: [] }], {}, []);
      await store().commitDecisions(tenantA, [{ decision: promoted, writtenFields: ['accord_score'] }], {}, []);

      expect(await store().decisionHistory(tenantA, '51234')).toEqual([nurtured, promoted]);
      expect(await store().getLatestDecision(tenantA, '51234')).toEqual(promoted);
      expect(await store().getLatestDecision(tenantA, '99999')).toBeNull();
      expect(await store().decisionHistory(tenantA, '99999')).toEqual([]);
    });

    it('takes the last committed decision as latest, even when an earlier commit has a later decidedAt', async () => {
      const late = decision({ recordId: '51234', score: 12, decidedAt: at(60) });
      const early = decision({ recordId: '51234', score: 34, decidedAt: at(5) });
      await store().commitDecisions(tenantA, [{ decision: late, writtenFields: [] }, { decision: early, writtenFields: [] }], {}, []);

      expect(await store().getLatestDecision(tenantA, '51234')).toEqual(early);
    });

    it('reads the latest decisions of many records at once, skipping records never decided', async () => {
      await store().commitDecisions(
        tenantA,
        [nurtured, other, promoted].map((d) => ({ decision: d, writtenFields: [] })),
        {},
        [],
      );

      const latest = await store().getLatestDecisions(tenantA, ['51234', '51300', 'never-seen', '51234']);
      expect([...latest.keys()].sort()).toEqual(['51234', '51300']);
      expect(latest.get('51234')).toEqual(promoted);
      expect(latest.get('51300')).toEqual(other);
      expect(await store().getLatestDecisions(tenantA, [])).toEqual(new Map());
    });

    it('reads the latest decisions of more records than one query takes', async () => {
      const many = Array.from({ length: 1201 }, (_, index) => decision({ recordId: `r-${index}`, score: index % 101 }));
      await store().commitDecisions(tenantA, many.map((d) => ({ decision: d, writtenFields: [] })), {}, []);

      const latest = await store().getLatestDecisions(tenantA, many.map((d) => d.recordId));
      expect(latest.size).toBe(1201);
      expect(latest.get('r-1200')).toEqual(many[1200]);
    });

    it('lists the current decision of every record, by record id', async () => {
      await store().commitDecisions(
        tenantA,
        [nurtured, other, promoted].map((d) => ({ decision: d, writtenFields: [] })),
        {},
        [],
      );

      expect(await store().listCurrentDecisions(tenantA)).toEqual([promoted, other]);
    });

    it('round-trips the routing state, replacing it on each commit', async () => {
      expect(await store().getRoutingState(tenantA)).toEqual({});

      await store().commitDecisions(tenantA, [{ decision: nurtured, writtenFields: [] }], { 'americas-mm': { '901': -1, '902': 1 } }, []);
      expect(await store().getRoutingState(tenantA)).toEqual({ 'americas-mm': { '901': -1, '902': 1 } });

      const after = { 'americas-mm': { '901': 1, '902': -1 }, 'emea-smb': { '733': 0 } };
      await store().commitDecisions(tenantA, [{ decision: promoted, writtenFields: [] }], after, []);
      expect(await store().getRoutingState(tenantA)).toEqual(after);
    });

    it('records the audit entries of a commit with its decisions', async () => {
      const entry = auditEntry({ action: 'decision.recorded', recordId: '51234', at: at(30) });
      await store().commitDecisions(tenantA, [{ decision: promoted, writtenFields: ['accord_score'] }], {}, [entry]);

      expect(await store().listAudit(tenantA, 10)).toEqual([entry]);
    });

    it('writes nothing when any part of a commit belongs to another tenant', async () => {
      const stray = decision({ ...tenantB, recordId: '777' });
      await expect(
        store().commitDecisions(
          tenantA,
          [{ decision: promoted, writtenFields: [] }, { decision: stray, writtenFields: [] }],
          { pool: { '901': 1 } },
          [auditEntry()],
        ),
      ).rejects.toThrow(/belongs to tenant hubspot\/77300559/);
      await expect(
        store().commitDecisions(tenantA, [{ decision: promoted, writtenFields: [] }], {}, [auditEntry({ tenant: tenantB })]),
      ).rejects.toThrow(/audit entry/);

      expect(await store().listCurrentDecisions(tenantA)).toEqual([]);
      expect(await store().listCurrentDecisions(tenantB)).toEqual([]);
      expect(await store().getRoutingState(tenantA)).toEqual({});
      expect(await store().listAudit(tenantA, 10)).toEqual([]);
      expect(await store().listAudit(tenantB, 10)).toEqual([]);
    });
  });
}
