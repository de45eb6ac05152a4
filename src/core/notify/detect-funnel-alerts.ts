/** One week of the funnel: leads created, reaching MQL, accepted by sales (SQL), disqualified. */
export interface FunnelWeek {
  /** ISO date or instant the week starts; weeks are compared in this order. */
  weekStart: string;
  created: number;
  mql: number;
  sql: number;
  disqualified: number;
}

export type FunnelAlertKind = 'conversion_drop' | 'disqualification_spike';

export interface FunnelAlert {
  kind: FunnelAlertKind;
  weekStart: string;
  /** This week's rate and the rate over the four weeks before it (pooled). */
  current: number;
  baseline: number;
  /** Relative change: -0.4 = 40 % lower. */
  change: number;
  message: string;
}

export interface FunnelAlertInput {
  weekly: readonly FunnelWeek[];
  /** Relative change that counts as a shift: 0.25 = a quarter lower (or higher). */
  margin: number;
  /** Leads a week needs (MQLs for conversion, created for disqualification) before its rate means anything. */
  minVolume?: number;
}

const baselineWeeks = 4;

/**
 * Alerts for the latest week against the four before it: MQL→SQL conversion falling by more than
 * `margin`, or the share of new leads disqualified rising by more than `margin`. Rates are pooled
 * over the baseline weeks (total SQL ÷ total MQL), so one odd small week does not set the bar.
 * No alert without four weeks of history or with too few leads this week.
 */
export function detectFunnelAlerts({ weekly, margin, minVolume = 10 }: FunnelAlertInput): FunnelAlert[] {
  const weeks = [...weekly].sort((a, b) => Date.parse(a.weekStart) - Date.parse(b.weekStart));
  const latest = weeks[weeks.length - 1];
  const before = weeks.slice(-1 - baselineWeeks, -1);
  if (latest === undefined || before.length < baselineWeeks) return [];
  const alerts: FunnelAlert[] = [];
  const sum = (pick: (w: FunnelWeek) => number) => before.reduce((total, w) => total + pick(w), 0);

  const baseMql = sum((w) => w.mql);
  if (latest.mql >= minVolume && baseMql > 0) {
    const current = latest.sql / latest.mql;
    const baseline = sum((w) => w.sql) / baseMql;
    if (baseline > 0 && current < baseline * (1 - margin)) {
      const change = current / baseline - 1;
      alerts.push({
        kind: 'conversion_drop',
        weekStart: latest.weekStart,
        current,
        baseline,
        change,
        message: `MQL→SQL conversion fell to ${percent(current)} from ${percent(baseline)} over the previous four weeks (${percent(change)}).`,
      });
    }
  }

  const baseCreated = sum((w) => w.created);
  if (latest.created >= minVolume && baseCreated > 0) {
    const current = latest.disqualified / latest.created;
    const baseline = sum((w) => w.disqualified) / baseCreated;
    // From a zero baseline any disqualification is a spike once it passes the margin itself.
    const spiked = baseline > 0 ? current > baseline * (1 + margin) : current > margin;
    if (spiked) {
      const change = baseline > 0 ? current / baseline - 1 : Infinity;
      alerts.push({
        kind: 'disqualification_spike',
        weekStart: latest.weekStart,
        current,
        baseline,
        change,
        message: `Disqualified leads rose to ${percent(current)} of new leads from ${percent(baseline)} over the previous four weeks.`,
      });
    }
  }
  return alerts;
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
