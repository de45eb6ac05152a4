import { at, sampleDefinition, tenantA, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

/** Publishing and queueing its re-scoring happen together or not at all. */
export function describePublishBackfillContract(makeStore: MakeStore): void {
  describe('publish with backfill', () => {
    const store = useFreshStore(makeStore);

    it('publishes the draft as the next version and queues its backfill under that version', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'maria', at(0));
      const { published, backfill } = await store().publishDraftWithBackfill(tenantA, draft.id, 'sam', at(1), 'bf_one');
      expect(published).toMatchObject({ id: draft.id, version: 1, status: 'published', publishedBy: 'sam', publishedAt: at(1) });
      expect(backfill).toEqual({
        id: 'bf_one', definitionVersion: 1, status: 'queued', total: 0, skipped: 0, enqueueDone: false, createdAt: at(1), startedAt: null, finishedAt: null, error: null,
      });
      expect(await store().getBackfill(tenantA, 'bf_one')).toEqual(backfill);
      expect(await store().getBackfill(tenantB, 'bf_one')).toBeNull();
      expect((await store().getPublishedDefinition(tenantA))?.version).toBe(1);

      const next = await store().saveDraft(tenantA, sampleDefinition('Second'), 'maria', at(2));
      expect((await store().publishDraftWithBackfill(tenantA, next.id, 'sam', at(3), 'bf_two')).backfill.definitionVersion).toBe(2);
      await store().updateBackfill(tenantA, 'bf_two', { total: 4, skipped: 3 });
      expect(await store().getBackfill(tenantA, 'bf_two')).toMatchObject({ total: 4, skipped: 3 });
    });

    it('publishes nothing when the backfill cannot be queued: one transaction', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'maria', at(0));
      const taken = { id: 'bf_taken', definitionVersion: 0, status: 'succeeded' as const, total: 0, skipped: 0, enqueueDone: true, createdAt: at(0), startedAt: null, finishedAt: null, error: null };
      await store().createBackfill(tenantA, taken);
      // Duck-typed: better-sqlite3's SqliteError may come from another realm under jest, so not `instanceof Error`.
      await expect(store().publishDraftWithBackfill(tenantA, draft.id, 'sam', at(1), 'bf_taken')).rejects.toHaveProperty('message', expect.stringMatching(/unique|duplicate/i));
      expect(await store().getPublishedDefinition(tenantA)).toBeNull();
      expect((await store().getDefinition(tenantA, draft.id))?.status).toBe('draft');
      expect(await store().listBackfills(tenantA)).toEqual([taken]);
      // The same draft publishes fine once the id is free: nothing was left half done.
      expect((await store().publishDraftWithBackfill(tenantA, draft.id, 'sam', at(2), 'bf_free')).published.version).toBe(1);
    });

    it('refuses a draft published already, queueing nothing', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'maria', at(0));
      await store().publishDraftWithBackfill(tenantA, draft.id, 'sam', at(1), 'bf_first');
      await expect(store().publishDraftWithBackfill(tenantA, draft.id, 'sam', at(2), 'bf_again')).rejects.toThrow(/already published/);
      await expect(store().publishDraftWithBackfill(tenantB, draft.id, 'sam', at(2), 'bf_other')).rejects.toThrow(/does not exist/);
      expect((await store().listBackfills(tenantA)).map((b) => b.id)).toEqual(['bf_first']);
      expect(await store().listBackfills(tenantB)).toEqual([]);
    });
  });
}
