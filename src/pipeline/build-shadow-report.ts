import type { TenantRef } from '../core/lead';
import { compareShadowRun, type ShadowComparison } from '../core/shadow/compare-shadow-run';
import type { ShadowRun } from '../core/shadow/shadow-run';
import type { Store } from '../store/store';
import { shadowRunView, type ShadowRunView } from './shadow-run-view';

export interface ShadowReport {
  run: ShadowRunView;
  comparison: ShadowComparison;
}

/**
 * The comparison report of one run: the calls the run stored, judged by what the store knows now —
 * the latest live decisions (accepted, rejected), the feedback since the run started, and the leads
 * the CRM says were won. Reads only.
 */
export async function buildShadowReport(store: Store, ref: TenantRef, run: ShadowRun, now: Date, options: { minOutcomes?: number; listChanges?: number } = {}): Promise<ShadowReport> {
  const decisions = await store.listShadowDecisions(ref, run.id);
  const ids = decisions.map((d) => d.recordId);
  const inRun = new Set(ids);
  const [latest, feedback, facts, candidate] = await Promise.all([
    store.getLatestDecisions(ref, ids),
    store.listFeedback(ref, { since: run.startedAt }),
    store.listLeadFacts(ref),
    store.getDefinition(ref, run.definitionId),
  ]);
  const won = new Set(facts.filter((f) => f.outcome === 'won' && inRun.has(f.recordId)).map((f) => f.recordId));
  return {
    run: shadowRunView(run, candidate?.definition.name ?? null, now),
    comparison: compareShadowRun({ run, decisions, latest, feedback, won, ...options }),
  };
}
