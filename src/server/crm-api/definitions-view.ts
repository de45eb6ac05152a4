import { defaultDefinition } from '../../core/default-definition';
import type { Disqualifier } from '../../core/definition';
import type { TenantRef } from '../../core/lead';
import type { Store } from '../../store/store';
import { actorFromText } from './actor';
import { approvalView, draftView } from './draft-view';
import { liveDefinition } from './live-definition';

/** The settings page: what decides now, the newest draft, every published version, and the disqualifier switches. */
export async function buildDefinitionsView(store: Store, tenant: TenantRef) {
  const [current, records, approvals, backfills] = await Promise.all([
    liveDefinition(store, tenant),
    store.listDefinitions(tenant),
    store.listDraftApprovals(tenant),
    store.listBackfills(tenant),
  ]);
  const drafts = records.filter((r) => r.status === 'draft').sort((a, b) => b.id - a.id);
  const published = records.filter((r) => r.status === 'published').sort((a, b) => b.version - a.version);
  const newestDraft = drafts[0];

  const catalog = new Map<string, Disqualifier>();
  for (const definition of [defaultDefinition, ...published.map((r) => r.definition), ...drafts.map((r) => r.definition)]) {
    for (const d of definition.disqualifiers) if (!catalog.has(d.id)) catalog.set(d.id, d);
  }
  return {
    current,
    draft: newestDraft ? draftView(newestDraft, approvals, current.version) : null,
    versions: published.map((r) => ({
      id: r.id,
      version: r.version,
      name: r.definition.name,
      createdBy: actorFromText(r.createdBy),
      createdAt: r.createdAt,
      publishedBy: actorFromText(r.publishedBy ?? r.createdBy),
      publishedAt: r.publishedAt ?? r.createdAt,
      approvals: approvals.filter((a) => a.draftId === r.id).map(approvalView),
      // listBackfills is newest first: the latest re-scoring under this version.
      backfillId: backfills.find((b) => b.definitionVersion === r.version)?.id ?? null,
    })),
    catalog: { disqualifiers: [...catalog.values()] },
  };
}
