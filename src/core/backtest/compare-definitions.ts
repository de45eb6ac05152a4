import { decideWithRouting } from '../decide';
import type { Decision } from '../decision';
import type { Definition } from '../definition';
import type { Lead } from '../lead';
import type { Owner } from '../owner';
import type { RoutingState } from '../routing-state';
import { stages, type Stage } from '../stage';
import { probabilityOf } from '../calibration/probability-of';

export interface BacktestInput {
  /** Historical leads, in the order they came in (routing round-robins in this order). */
  leads: readonly Lead[];
  /** Whether each lead converted, where known (same order as `leads`). */
  outcomes?: readonly (boolean | null)[];
  current: Definition;
  draft: Definition;
  /** Owners to route to; none means every sales-ready lead stays unrouted. */
  owners: readonly Owner[];
  now: Date;
  /** How many changed leads to list (default 20). */
  listChanges?: number;
}

export interface OwnerLoad {
  /** The owner's id, or "unrouted". */
  ownerId: string;
  leads: number;
  hot: number;
  standard: number;
}

export interface DefinitionReplay {
  stages: Record<Stage, number>;
  salesReady: number;
  ownerLoad: OwnerLoad[];
  /** Expected share of sales-ready leads sales will accept: the mean calibrated probability, else the observed conversion. */
  expectedSqlRate: number | null;
  expectedSqlRateSource: 'calibration' | 'observed' | null;
  /** Sales-ready leads by SLA tier: the response work the definition creates. */
  sla: { hot: number; standard: number };
}

export interface StageChange {
  recordId: string;
  from: Stage;
  to: Stage;
  currentScore: number;
  draftScore: number;
  currentWhy: string;
  draftWhy: string;
}

export interface DefinitionComparison {
  leads: number;
  current: DefinitionReplay;
  draft: DefinitionReplay;
  /** How many leads would change stage, and between which stages. */
  changed: number;
  moves: Array<{ from: Stage; to: Stage; leads: number }>;
  /** The first `listChanges` leads that would change stage, with both explanations. */
  changes: StageChange[];
}

/**
 * Replays a draft and the current definition over the same historical leads: what the draft would
 * change for marketing (stages), for sales (sales-ready volume, load per owner, SLA work) and in
 * expected quality. Pure: the settings page preview and `accord backtest` both use it.
 */
export function compareDefinitions(input: BacktestInput): DefinitionComparison {
  const current = replay(input, input.current);
  const draft = replay(input, input.draft);
  const moveCounts = new Map<string, { from: Stage; to: Stage; leads: number }>();
  const changes: StageChange[] = [];
  let changed = 0;
  input.leads.forEach((lead, i) => {
    const before = current.decisions[i] as Decision;
    const after = draft.decisions[i] as Decision;
    if (before.stage === after.stage) return;
    changed++;
    const key = `${before.stage}>${after.stage}`;
    const move = moveCounts.get(key) ?? { from: before.stage, to: after.stage, leads: 0 };
    move.leads++;
    moveCounts.set(key, move);
    if (changes.length < (input.listChanges ?? 20)) {
      changes.push({
        recordId: lead.recordId,
        from: before.stage,
        to: after.stage,
        currentScore: before.score,
        draftScore: after.score,
        currentWhy: before.why,
        draftWhy: after.why,
      });
    }
  });
  return {
    leads: input.leads.length,
    current: current.summary,
    draft: draft.summary,
    changed,
    moves: [...moveCounts.values()].sort((a, b) => b.leads - a.leads),
    changes,
  };
}

function replay(input: BacktestInput, definition: Definition): { decisions: Decision[]; summary: DefinitionReplay } {
  let routingState: RoutingState = {};
  const owners = [...input.owners];
  const decisions = input.leads.map((lead) => {
    const result = decideWithRouting(lead, definition, { owners, routingState, previous: null }, input.now);
    routingState = result.routingState;
    return result.decision;
  });
  const stageCounts = Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  const load = new Map<string, OwnerLoad>();
  const sla = { hot: 0, standard: 0 };
  let probabilitySum = 0;
  let observedConverted = 0;
  let observedKnown = 0;
  decisions.forEach((decision, i) => {
    stageCounts[decision.stage]++;
    if (decision.stage !== 'sales_ready') return;
    const ownerId = decision.routing?.ownerId ?? decision.ownerId ?? 'unrouted';
    const owner = load.get(ownerId) ?? { ownerId, leads: 0, hot: 0, standard: 0 };
    owner.leads++;
    if (decision.slaTier === 'hot') {
      owner.hot++;
      sla.hot++;
    } else if (decision.slaTier === 'standard') {
      owner.standard++;
      sla.standard++;
    }
    load.set(ownerId, owner);
    probabilitySum += probabilityOf(decision.score, definition) ?? 0;
    const outcome = input.outcomes?.[i];
    if (outcome !== undefined && outcome !== null) {
      observedKnown++;
      if (outcome) observedConverted++;
    }
  });
  const salesReady = stageCounts.sales_ready;
  let expectedSqlRate: number | null = null;
  let expectedSqlRateSource: DefinitionReplay['expectedSqlRateSource'] = null;
  if (definition.calibration !== undefined && salesReady > 0) {
    expectedSqlRate = probabilitySum / salesReady;
    expectedSqlRateSource = 'calibration';
  } else if (observedKnown > 0) {
    expectedSqlRate = observedConverted / observedKnown;
    expectedSqlRateSource = 'observed';
  }
  return {
    decisions,
    summary: {
      stages: stageCounts,
      salesReady,
      ownerLoad: [...load.values()].sort((a, b) => b.leads - a.leads || (a.ownerId < b.ownerId ? -1 : 1)),
      expectedSqlRate,
      expectedSqlRateSource,
      sla,
    },
  };
}
