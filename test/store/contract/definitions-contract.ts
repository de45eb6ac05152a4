import { at, sampleDefinition, tenantA } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeDefinitionsContract(makeStore: MakeStore): void {
  describe('definitions', () => {
    const store = useFreshStore(makeStore);

    it('saves a draft with version 0 and no publisher', async () => {
      const definition = sampleDefinition();
      const draft = await store().saveDraft(tenantA, definition, 'ops@acme.example', at(0));

      expect(draft).toEqual({
        id: expect.any(Number),
        tenant: tenantA,
        version: 0,
        status: 'draft',
        definition,
        createdBy: 'ops@acme.example',
        createdAt: at(0),
        publishedBy: null,
        publishedAt: null,
      });
      expect(await store().getDefinition(tenantA, draft.id)).toEqual(draft);
    });

    it('publishes drafts as versions 1, 2, 3 and stamps the version into the definition', async () => {
      const published = [];
      for (const [index, name] of ['First cut', 'Tighter titles', 'Add EMEA'].entries()) {
        const draft = await store().saveDraft(tenantA, sampleDefinition(name), 'ops@acme.example', at(index * 10));
        published.push(await store().publishDraft(tenantA, draft.id, 'cro@acme.example', at(index * 10 + 1)));
      }

      expect(published.map((p) => p.version)).toEqual([1, 2, 3]);
      expect(published.map((p) => p.definition.version)).toEqual([1, 2, 3]);
      expect(published[2]).toMatchObject({
        status: 'published',
        publishedBy: 'cro@acme.example',
        publishedAt: at(21),
        createdBy: 'ops@acme.example',
        createdAt: at(20),
      });
      expect(published[2]?.definition.name).toBe('Add EMEA');
    });

    it('keeps the published row under the draft id', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'ops@acme.example', at(0));
      const published = await store().publishDraft(tenantA, draft.id, 'cro@acme.example', at(1));

      expect(published.id).toBe(draft.id);
      expect(await store().getDefinition(tenantA, draft.id)).toEqual(published);
    });

    it('serves the newest published version, ignoring newer drafts', async () => {
      expect(await store().getPublishedDefinition(tenantA)).toBeNull();

      const first = await store().saveDraft(tenantA, sampleDefinition('v1'), 'ops', at(0));
      const second = await store().saveDraft(tenantA, sampleDefinition('v2'), 'ops', at(1));
      await store().publishDraft(tenantA, first.id, 'cro', at(2));
      await store().publishDraft(tenantA, second.id, 'cro', at(3));
      await store().saveDraft(tenantA, sampleDefinition('still a draft'), 'ops', at(4));

      const current = await store().getPublishedDefinition(tenantA);
      expect(current?.version).toBe(2);
      expect(current?.definition.name).toBe('v2');
    });

    it('refuses to publish a draft twice, leaving the published row as it was', async () => {
      const draft = await store().saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const published = await store().publishDraft(tenantA, draft.id, 'cro', at(1));

      await expect(store().publishDraft(tenantA, draft.id, 'someone-else', at(2))).rejects.toThrow(
        /already published as version 1/,
      );
      expect(await store().getDefinition(tenantA, draft.id)).toEqual(published);
      expect(await store().getPublishedDefinition(tenantA)).toEqual(published);
    });

    it('refuses to publish a draft that does not exist', async () => {
      await expect(store().publishDraft(tenantA, 987654, 'cro', at(1))).rejects.toThrow(/draft 987654 does not exist/);
      expect(await store().getPublishedDefinition(tenantA)).toBeNull();
    });

    it('lists drafts and published versions in the order they were saved', async () => {
      const a = await store().saveDraft(tenantA, sampleDefinition('a'), 'ops', at(0));
      const b = await store().saveDraft(tenantA, sampleDefinition('b'), 'ops', at(1));
      await store().publishDraft(tenantA, b.id, 'cro', at(2));

      const listed = await store().listDefinitions(tenantA);
      expect(listed.map((d) => [d.id, d.status, d.version])).toEqual([
        [a.id, 'draft', 0],
        [b.id, 'published', 1],
      ]);
    });
  });
}
