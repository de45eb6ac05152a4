import type { Commonality, RejectionGroup, WeeklyDigest } from './weekly-digest';

/** Wording shared by the Slack and Teams digests, so both say the same thing. */

export function digestTitle(digest: WeeklyDigest): string {
  return `Accord weekly lead digest: ${digest.periodLabel}`;
}

export function digestSummary(digest: WeeklyDigest): string {
  const t = digest.totals;
  if (t.rejections === 0 && t.conversions === 0) return 'No rejected or converted leads this week.';
  return `${t.rejections} rejected by sales (${t.sourceFailures} against the source, ${t.definitionMisses} definition misses) · ${t.conversions} converted`;
}

/** "No budget 3, Student 2 · 4 of 6 against the source". */
export function groupLine(group: RejectionGroup): string {
  const reasons = group.reasons.map((r) => `${r.label} ${r.count}`).join(', ');
  return `${reasons} · ${group.sourceFailures} of ${group.total} against the source`;
}

/** "Webinar: 5 of 8 converted (62%), 2.1× the base rate". */
export function commonalityLine(c: Commonality, converted: number): string {
  return `${c.value}: ${c.count} of ${converted} converted (${Math.round(c.share * 100)}%), ${c.lift.toFixed(1)}× the base rate`;
}

export const guaranteeNote =
  'Lead guarantee: a rejected lead that failed the definition when routed counts against its source; one that met it is a definition miss, used to calibrate.';
