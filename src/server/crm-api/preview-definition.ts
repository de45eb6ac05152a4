import { compareDefinitions } from '../../core/backtest/compare-definitions';
import type { Definition } from '../../core/definition';
import type { Lead, TenantRef } from '../../core/lead';
import { stages, type Stage } from '../../core/stage';
import type { Store } from '../../store/store';
import { liveDefinition } from './live-definition';

/** Leads re-decided in one preview at most (the contract asks for ≥ 5,000 within 10 s); beyond, a uniform sample. */
export const previewSampleSize = 20_000;

function uniformSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  // Every k-th item: deterministic, so the same data previews the same way twice.
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)] as T);
}

/**
 * The effect of a proposed definition on the tenant's open leads (decided, not yet accepted by
 * sales, still in the CRM), from the lead snapshots Accord holds: no CRM call, nothing written.
 */
export async function previewDefinition(store: Store, tenant: TenantRef, proposed: Definition, now: Date) {
  const [live, decisions, snapshots, owners] = await Promise.all([
    liveDefinition(store, tenant),
    store.listCurrentDecisions(tenant),
    store.listLeadSnapshots(tenant),
    store.listOwners(tenant),
  ]);
  const open = new Set(decisions.filter((d) => d.stage !== 'sql').map((d) => d.recordId));
  const openLeads: Lead[] = snapshots.filter((lead) => open.has(lead.recordId));
  const leads = uniformSample(openLeads, previewSampleSize);
  const comparison = compareDefinitions({ leads, current: live.definition, draft: proposed, owners, now });

  const load = new Map<string, { before: number; after: number }>();
  for (const o of comparison.current.ownerLoad) load.set(o.ownerId, { before: o.leads, after: 0 });
  for (const o of comparison.draft.ownerLoad) load.set(o.ownerId, { before: load.get(o.ownerId)?.before ?? 0, after: o.leads });
  const ownerLoad = [...load.entries()]
    .map(([id, counts]) => {
      const ownerId = id === 'unrouted' ? null : id;
      return { ownerId, ownerName: ownerId === null ? null : (owners.find((o) => o.id === ownerId)?.name ?? null), ...counts };
    })
    .sort((a, b) => Number(a.ownerId === null) - Number(b.ownerId === null) || b.after - a.after);
  const counts = (from: Record<Stage, number>) => Object.fromEntries(stages.map((s) => [s, from[s] ?? 0])) as Record<Stage, number>;
  return {
    basedOnVersion: live.version,
    evaluatedAt: now.toISOString(),
    leadsEvaluated: leads.length,
    truncated: leads.length < openLeads.length,
    changedStage: comparison.changed,
    stageCounts: { before: counts(comparison.current.stages), after: counts(comparison.draft.stages) },
    transitions: comparison.moves.map((m) => ({ from: m.from, to: m.to, count: m.leads })),
    ownerLoad,
  };
}
