import { canonicalCountry } from './canonical-country';
import { canonicalState } from './canonical-state';
import type { Definition } from './definition';
import { predicateListsOf, type PredicateLists } from './predicate-lists';
import { statusKey } from './working-status';

export interface CompiledTerritory {
  region: string;
  countries: ReadonlySet<string>;
  states: ReadonlySet<string>;
}

/** What decide() and routeLead() look up per lead, prepared once per definition. */
export interface CompiledDefinition {
  lists: PredicateLists;
  /** Most raw points a lead can earn: all criteria plus the intent cap; scores scale this to 100. */
  rawMaxPoints: number;
  territories: readonly CompiledTerritory[];
  /** The acceptance settings' working statuses, as `statusKey` spells them. */
  workingStatuses: ReadonlySet<string>;
}

const cache = new WeakMap<Definition, CompiledDefinition>();

/** Cached per definition object: definitions are immutable once parsed, and decide() runs per lead. */
export function compileDefinition(definition: Definition): CompiledDefinition {
  let compiled = cache.get(definition);
  if (compiled === undefined) {
    compiled = {
      lists: predicateListsOf(definition),
      rawMaxPoints: definition.criteria.reduce((sum, c) => sum + c.points, 0) + definition.intent.maxPoints,
      territories: definition.routing.territories.map((t) => ({
        region: t.region,
        countries: new Set(t.countries.map(canonicalCountry)),
        states: new Set(t.states.map((s) => canonicalState(s, true))),
      })),
      workingStatuses: new Set(definition.acceptance.workingStatuses.map(statusKey)),
    };
    cache.set(definition, compiled);
  }
  return compiled;
}
