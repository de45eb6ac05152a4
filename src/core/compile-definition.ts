import { canonicalCountry } from './canonical-country';
import { canonicalState } from './canonical-state';
import { compilePredicate, type CompiledPredicate } from './compile-predicate';
import type { Definition } from './definition';
import type { Predicate } from './predicate';
import { evidenceWriter, type EvidenceWriter } from './field-evidence';
import { predicateListsOf, type PredicateLists } from './predicate-lists';
import { statusKey } from './working-status';

export interface CompiledTerritory {
  region: string;
  countries: ReadonlySet<string>;
  states: ReadonlySet<string>;
}

/** A criterion's or disqualifier's test and evidence, resolved once rather than looked up per lead. */
export interface CompiledRule {
  holds: CompiledPredicate;
  evidence: EvidenceWriter;
}

/** What decide() and routeLead() look up per lead, prepared once per definition. */
export interface CompiledDefinition {
  /** In the definition's order. */
  criteria: readonly CompiledRule[];
  disqualifiers: readonly CompiledRule[];
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
      criteria: definition.criteria.map((c) => compileRule(c.when)),
      disqualifiers: definition.disqualifiers.map((d) => compileRule(d.when)),
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

function compileRule(when: Predicate): CompiledRule {
  return { holds: compilePredicate(when), evidence: evidenceWriter(when) };
}
