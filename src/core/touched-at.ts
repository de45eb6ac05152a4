import type { Lead } from './lead';
import { readLeadField } from './read-lead-field';

/**
 * The earliest logged sales touch (call, email, meeting) at or after `sinceMs`, read from the
 * definition's touch fields, in epoch ms; null when none is that recent. CRMs hold these as ISO
 * text or epoch milliseconds. The fields keep only the latest touch, so a touch before the
 * hand-over says nothing about this hand-over.
 */
export function touchedAt(lead: Lead, touchFields: readonly string[], sinceMs: number): number | null {
  let earliest: number | null = null;
  for (const field of touchFields) {
    const at = instantOf(readLeadField(lead, field));
    if (at !== null && at >= sinceMs && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

function instantOf(value: string | number | boolean | null): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const ms = /^\d{10,}$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}
