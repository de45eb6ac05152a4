import type { Logger } from 'pino';
import { decide } from '../core/decide';
import type { Decision } from '../core/decision';
import type { DecisionContext } from '../core/decision-context';
import type { Definition } from '../core/definition';
import type { Lead, TenantRef } from '../core/lead';
import { nextShadowDecision } from '../core/shadow/next-shadow-decision';
import type { ShadowDecision } from '../core/shadow/shadow-run';
import type { Store } from '../store/store';

export interface ShadowPassInput {
  store: Store;
  logger: Logger;
  ref: TenantRef;
  now: Date;
  /** The live decisions this pass settled (committed or already current), with the lead each was made from. */
  settled: ReadonlyArray<{ decision: Decision; lead: Lead }>;
  liveDefinition: Definition;
  /** Owners, routing state and account owners as the live decisions saw them; never changed here. */
  context: Omit<DecisionContext, 'previous'>;
}

/**
 * Candidate definitions by run id, per store: a run's draft never changes, so it is read and parsed
 * (and compiled, by decide's cache on the object) once per process, not on every pass.
 */
const candidates = new WeakMap<Store, Map<number, Definition>>();

/**
 * The shadow half of a worker pass: when the tenant has an active shadow run, decides the same
 * leads with its candidate definition and stores both calls. Nothing reaches the CRM, the routing
 * state, the feedback or the audit. One store read per pass finds the run; a shadow failure is
 * logged and never fails the live decisions, which are already committed.
 */
export async function recordShadowDecisions(input: ShadowPassInput): Promise<number> {
  const { store, ref, now } = input;
  if (input.settled.length === 0) return 0;
  try {
    const run = await store.getActiveShadowRun(ref, now.toISOString());
    if (run === null) return 0;
    const candidate = await candidateOf(store, ref, run.id, run.definitionId);
    const prior = await store.getShadowDecisions(ref, run.id, input.settled.map((s) => s.decision.recordId));
    const rows: ShadowDecision[] = [];
    for (const { decision, lead } of input.settled) {
      // previous: null — the candidate's call comes from the lead alone, not from what sales did with the live one's.
      const shadow = decide(lead, candidate, { ...input.context, previous: null }, now);
      const row = nextShadowDecision({
        prior: prior.get(decision.recordId) ?? null,
        live: { decision, definition: input.liveDefinition },
        candidate: { decision: shadow, definition: candidate },
        now,
      });
      if (row !== null) rows.push(row);
    }
    if (rows.length > 0) await store.saveShadowDecisions(ref, run.id, rows);
    return rows.length;
  } catch (error) {
    input.logger.warn({ crm: ref.crm, tenant: ref.tenantId, err: error instanceof Error ? error.message : String(error) }, 'shadow decisions not recorded; live decisions unaffected');
    return 0;
  }
}

async function candidateOf(store: Store, ref: TenantRef, runId: number, definitionId: number): Promise<Definition> {
  let byRun = candidates.get(store);
  if (byRun === undefined) {
    byRun = new Map();
    candidates.set(store, byRun);
  }
  const cached = byRun.get(runId);
  if (cached !== undefined) return cached;
  const record = await store.getDefinition(ref, definitionId);
  if (record === null) throw new Error(`shadow run ${runId}: definition ${definitionId} is missing`);
  byRun.set(runId, record.definition);
  return record.definition;
}
