import type { ShadowDecision } from '../../../src/core/shadow/shadow-run';
import { ShadowRunActiveError } from '../../../src/store/shadow-run-active-error';
import { at, sampleDefinition, tenantA, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function shadowDecision(recordId: string, overrides: Partial<ShadowDecision> = {}): ShadowDecision {
  return {
    recordId,
    candidate: { score: 62.5, stage: 'mql', probability: 0.31, why: 'Marketing qualified (62/100): a buyer title.' },
    live: { score: 80, stage: 'sales_ready', probability: null, why: 'Sales ready (80/100): a buyer title and a demo request.', definitionVersion: 1 },
    decidedAt: at(1),
    ...overrides,
  };
}

export function describeShadowContract(makeStore: MakeStore): void {
  describe('shadow runs', () => {
    const store = useFreshStore(makeStore);

    it('starts a run of a draft, finds it active inside its period only, and lists runs newest first', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition('stricter'), 'ops', at(0));
      const run = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'maria' });
      expect(run).toEqual({ id: expect.any(Number), definitionId: draft.id, startedAt: at(0), endsAt: at(60), stoppedAt: null, startedBy: 'maria' });
      expect(await store().getActiveShadowRun(tenantA, at(30))).toEqual(run);
      expect(await store().getActiveShadowRun(tenantA, at(60))).toBeNull();
      expect(await store().getActiveShadowRun(tenantA, at(-1))).toBeNull();
      expect(await store().getActiveShadowRun(tenantB, at(30))).toBeNull();
      expect(await store().getShadowRun(tenantB, run.id)).toBeNull();

      // Once it ended, another may start.
      const next = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(61), endsAt: at(120), startedBy: 'lee' });
      expect((await store().listShadowRuns(tenantA)).map((r) => r.id)).toEqual([next.id, run.id]);
      expect(await store().listShadowRuns(tenantB)).toEqual([]);
    });

    it('refuses a second run while one is active, and a definition of another tenant', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const run = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'maria' });
      const second = store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(5), endsAt: at(65), startedBy: 'lee' });
      await expect(second).rejects.toBeInstanceOf(ShadowRunActiveError);
      await expect(second).rejects.toMatchObject({ activeRunId: run.id });
      await expect(store().startShadowRun(tenantB, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'x' })).rejects.toThrow(/does not exist/);
      expect(await store().listShadowRuns(tenantA)).toHaveLength(1);
      expect(await store().listShadowRuns(tenantB)).toEqual([]);
    });

    it('stops an active run once, leaves an ended run alone, and answers null for an unknown one', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const run = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'maria' });
      expect(await store().stopShadowRun(tenantB, run.id, at(10))).toBeNull();
      const stopped = await store().stopShadowRun(tenantA, run.id, at(10));
      expect(stopped).toEqual({ ...run, stoppedAt: at(10) });
      expect(await store().stopShadowRun(tenantA, run.id, at(20))).toEqual(stopped);
      expect(await store().getActiveShadowRun(tenantA, at(15))).toBeNull();

      const later = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(20), endsAt: at(30), startedBy: 'maria' });
      expect(await store().stopShadowRun(tenantA, later.id, at(31))).toEqual(later);
      expect(await store().stopShadowRun(tenantA, 987654, at(31))).toBeNull();
    });

    it('keeps the latest decision per record and run, per tenant', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const run = await store().startShadowRun(tenantA, { definitionId: draft.id, startedAt: at(0), endsAt: at(60), startedBy: 'maria' });
      const draftB = await store().saveDraft(tenantB, sampleDefinition(), 'ops', at(0));
      const runB = await store().startShadowRun(tenantB, { definitionId: draftB.id, startedAt: at(0), endsAt: at(60), startedBy: 'x' });
      await store().saveShadowDecisions(tenantA, run.id, [shadowDecision('51234'), shadowDecision('60001')]);
      await store().saveShadowDecisions(tenantB, runB.id, [shadowDecision('51234', { candidate: { score: 5, stage: 'nurture', probability: null, why: 'b' } })]);
      const updated = shadowDecision('51234', { candidate: { score: 90, stage: 'sales_ready', probability: null, why: 'now ready' }, decidedAt: at(2) });
      await store().saveShadowDecisions(tenantA, run.id, [updated]);

      expect(await store().listShadowDecisions(tenantA, run.id)).toEqual([updated, shadowDecision('60001')]);
      const found = await store().getShadowDecisions(tenantA, run.id, ['51234', '99999', '51234']);
      expect([...found.entries()]).toEqual([['51234', updated]]);
      expect((await store().listShadowDecisions(tenantB, runB.id)).map((d) => d.candidate.stage)).toEqual(['nurture']);
      expect(await store().listShadowDecisions(tenantB, run.id)).toEqual([]);
    });
  });
}
