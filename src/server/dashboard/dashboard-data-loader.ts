import type { Decision } from '../../core/decision';
import type { TenantRef } from '../../core/lead';
import { buildLeadTimelines } from '../../metrics/build-lead-timelines';
import { decisionsOfVersion } from '../../metrics/dashboard-filters';
import type { LeadTimeline } from '../../metrics/lead-timeline';
import type { LeadFacts, Store } from '../../store/store';

/** One tenant's dashboard inputs, read from the store together. */
export interface DashboardData {
  timelines: readonly LeadTimeline[];
  allVersions: number[];
  outcomesKnown: boolean;
  ownerName(ownerId: string): string;
}

interface Snapshot {
  decisions: readonly Decision[];
  facts: readonly LeadFacts[];
  owners: ReadonlyMap<string, string>;
  byVersion: Map<number | 'all', readonly LeadTimeline[]>;
}

/**
 * Reads a tenant's whole decision history, facts and owners, and keeps them for `ttlMs`: one page
 * load asks for the summary, a drill-down and a CSV within seconds, and each would otherwise read the
 * same history again. Whole history rather than the date range: a lead created in the range is only
 * placed correctly (created date, every step it reached) from all of its decisions.
 */
export function dashboardDataLoader(store: Pick<Store, 'listDecisionHistory' | 'listLeadFacts' | 'listOwners'>, ttlMs: number, now: () => number) {
  const cache = new Map<string, { at: number; snapshot: Promise<Snapshot> }>();

  const snapshotOf = (tenant: TenantRef): Promise<Snapshot> => {
    const key = `${tenant.crm}:${tenant.tenantId}`;
    const cached = cache.get(key);
    if (cached && now() - cached.at < ttlMs) return cached.snapshot;
    const snapshot = (async (): Promise<Snapshot> => {
      const [decisions, facts, owners] = await Promise.all([store.listDecisionHistory(tenant), store.listLeadFacts(tenant), store.listOwners(tenant)]);
      return { decisions, facts, owners: new Map(owners.map((o) => [o.id, o.name])), byVersion: new Map() };
    })();
    cache.set(key, { at: now(), snapshot });
    // A failed read is not kept: the next request tries again.
    snapshot.catch(() => cache.get(key)?.snapshot === snapshot && cache.delete(key));
    return snapshot;
  };

  return async (tenant: TenantRef, version: number | undefined): Promise<DashboardData> => {
    const snapshot = await snapshotOf(tenant);
    let timelines = snapshot.byVersion.get(version ?? 'all');
    if (timelines === undefined) {
      timelines = buildLeadTimelines(decisionsOfVersion(snapshot.decisions, version), snapshot.facts);
      snapshot.byVersion.set(version ?? 'all', timelines);
    }
    return {
      timelines,
      allVersions: [...new Set(snapshot.decisions.map((d) => d.definitionVersion))].sort((a, b) => a - b),
      outcomesKnown: snapshot.facts.some((f) => f.outcome !== null),
      ownerName: (id) => snapshot.owners.get(id) ?? id,
    };
  };
}
