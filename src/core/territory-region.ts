import { canonicalCountry } from './canonical-country';
import { canonicalState } from './canonical-state';
import type { CompiledTerritory } from './compile-definition';
import type { Lead } from './lead';

/**
 * The lead's region: the first territory naming its state, else the first naming its country.
 * A state match wins because a country-wide territory is the coarser rule.
 */
export function territoryRegion(lead: Pick<Lead, 'country' | 'state'>, territories: readonly CompiledTerritory[]): string | null {
  const country = lead.country === null || lead.country.trim() === '' ? null : canonicalCountry(lead.country);
  if (lead.state !== null && lead.state.trim() !== '') {
    const state = canonicalState(lead.state, country === null || country === 'united states');
    const byState = territories.find((t) => t.states.has(state));
    if (byState) return byState.region;
  }
  if (country === null) return null;
  return territories.find((t) => t.countries.has(country))?.region ?? null;
}
