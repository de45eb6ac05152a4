import type { ActivityKind, ActivitySignal } from './lead';

export interface ActivityTotal {
  count: number;
  /** Most recent occurrence in epoch ms; null when no signal of this kind carries a valid time. */
  lastAtMs: number | null;
}

/** Adds up signals per kind, since an adapter may report one kind from several CRM properties. */
export function summarizeActivity(activity: readonly ActivitySignal[]): Map<ActivityKind, ActivityTotal> {
  const totals = new Map<ActivityKind, ActivityTotal>();
  for (const signal of activity) {
    // A time reported with no occurrences dates nothing.
    if (!(signal.count > 0)) continue;
    const total = totals.get(signal.kind) ?? { count: 0, lastAtMs: null };
    const at = signal.lastAt === null ? NaN : Date.parse(signal.lastAt);
    total.count += signal.count;
    if (Number.isFinite(at) && (total.lastAtMs === null || at > total.lastAtMs)) total.lastAtMs = at;
    totals.set(signal.kind, total);
  }
  return totals;
}
