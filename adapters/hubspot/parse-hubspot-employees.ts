import { parseHubspotNumber } from './parse-hubspot-number';

const range = /^(\d[\d,]*)\s*-\s*(\d[\d,]*)$/;
const openEnded = /^(\d[\d,]*)\s*\+$/;

/**
 * `numemployees`: a plain number, or one of HubSpot's picklist ranges (`1-5` … `500-1000`, `1000+`, `10,000+`).
 * A range becomes its rounded midpoint (`100-500` → 300, `25-50` → 38), so it lands inside any size band
 * that covers most of the range; an open range becomes its lower bound (`1000+` → 1000), the only size we know it reaches.
 */
export function parseHubspotEmployees(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  const bounded = range.exec(trimmed);
  if (bounded) {
    const low = parseHubspotNumber(bounded[1] ?? null);
    const high = parseHubspotNumber(bounded[2] ?? null);
    return low === null || high === null ? null : Math.round((low + high) / 2);
  }
  const open = openEnded.exec(trimmed);
  if (open) return parseHubspotNumber(open[1] ?? null);
  return parseHubspotNumber(trimmed);
}
