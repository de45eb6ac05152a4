import { usStates } from './us-states';

const usCodeByName = new Map(Object.entries(usStates).map(([code, name]) => [name.toLowerCase(), code]));

/**
 * One key per state whatever the spelling: "CA", "US-CA" and "California" all become "us-ca".
 * A bare two-letter code is read as a US state only when the lead is in the US or its country is
 * unknown, because "CA" is also Canada and "ON" is Ontario.
 */
export function canonicalState(state: string, countryIsUsOrUnknown: boolean): string {
  const key = state.trim().toLowerCase();
  const upper = key.toUpperCase();
  if (upper.startsWith('US-') && usStates[upper.slice(3)] !== undefined) return key;
  if (countryIsUsOrUnknown && usStates[upper] !== undefined) return `us-${key}`;
  const codeOfName = usCodeByName.get(key);
  if (codeOfName !== undefined) return `us-${codeOfName.toLowerCase()}`;
  return key;
}
