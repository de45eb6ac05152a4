import { noValue } from './dashboard-filters';
import type { Drill, DrillMetric } from './drill';

const metricLabels: Record<string, string> = {
  created: 'Leads created',
  mql: 'Reached MQL',
  sales_ready: 'Reached sales ready',
  sql: 'Accepted by sales (SQL)',
  won: 'Won',
  rejected: 'Rejected by sales',
  handed: 'Handed to sales',
  touched: 'Responded to by sales',
  met: 'SLA met',
  breached: 'SLA breached',
  open: 'SLA still open',
  sql_7d: 'Accepted by sales within 7 days',
  sql_30d: 'Accepted by sales within 30 days',
  sql_90d: 'Accepted by sales within 90 days',
};

/** A drill in words, for the title of the leads list ("SLA breached · owner Maria Lopez"). */
export function describeDrill({ scope, metric }: Drill, ownerName: (id: string) => string, reasonLabel: (reason: string) => string): string {
  const what = metricText(metric, reasonLabel);
  switch (scope.kind) {
    case 'all':
      return what;
    case 'tier':
      return `${what} · ${scope.tier} tier`;
    case 'owner':
      return `${what} · ${scope.owner === noValue ? 'unassigned' : `owner ${ownerName(scope.owner)}`}`;
    case 'source':
      return `${what} · source ${scope.source}`;
    case 'campaign':
      return `${what} · source ${scope.source}, campaign ${scope.campaign}`;
    case 'cohort':
      return `${what} · created in the week of ${scope.week}`;
  }
}

function metricText(metric: DrillMetric, reasonLabel: (reason: string) => string): string {
  if (metric.startsWith('rejected:')) return `Rejected as “${reasonLabel(metric.slice('rejected:'.length))}”`;
  return metricLabels[metric] ?? metric;
}
