import type { Decision } from '../core/decision';
import type { FunnelWeek } from '../core/notify/detect-funnel-alerts';

const weekMs = 7 * 86_400_000;
const mqlOrBetter = new Set(['mql', 'sales_ready', 'sql']);

/**
 * Counts `weeks` weeks ending at `endMs` from a decision history: leads first seen, reaching MQL,
 * accepted by sales and disqualified, each counted once per week however often it was re-scored.
 */
export function funnelWeeks(history: readonly Decision[], endMs: number, weeks: number): FunnelWeek[] {
  const firstSeen = new Map<string, number>();
  for (const d of history) {
    const at = Date.parse(d.decidedAt);
    if (at < (firstSeen.get(d.recordId) ?? Infinity)) firstSeen.set(d.recordId, at);
  }
  const result: FunnelWeek[] = [];
  for (let i = weeks; i >= 1; i -= 1) {
    const from = endMs - i * weekMs;
    const to = from + weekMs;
    const inWeek = (at: number) => at >= from && at < to;
    const created = new Set<string>();
    const mql = new Set<string>();
    const sql = new Set<string>();
    const disqualified = new Set<string>();
    for (const d of history) {
      const at = Date.parse(d.decidedAt);
      if (firstSeen.get(d.recordId) === at && inWeek(at)) created.add(d.recordId);
      if (!inWeek(at)) continue;
      if (mqlOrBetter.has(d.stage)) mql.add(d.recordId);
      if (d.stage === 'sql') sql.add(d.recordId);
      if (d.stage === 'disqualified') disqualified.add(d.recordId);
    }
    result.push({ weekStart: new Date(from).toISOString(), created: created.size, mql: mql.size, sql: sql.size, disqualified: disqualified.size });
  }
  return result;
}
