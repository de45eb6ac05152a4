import type { Cell } from './dashboard-table';
import type { DrillCells } from './drill-cells';
import type { DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { median } from './percentile';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Wins, win rate (won ÷ sales-accepted), median sales cycle (created → won, days) and revenue
 * (won deal amounts) for a group of leads; shown only once the CRM has reported outcomes.
 */
export function outcomeCells(cells: DrillCells, scope: DrillScope): Record<'won' | 'winRate' | 'cycleDays' | 'revenue', Cell> {
  const won = { scope, metric: 'won' as const };
  return {
    won: cells.count(won),
    winRate: cells.rate(won, { scope, metric: 'sql' }, 'no SQL'),
    cycleDays: cells.statistic(won, (members) => median(members.flatMap(cycleDays)), 'no close dates'),
    revenue: cells.statistic(won, revenueOf, 'no deal amounts'),
  };
}

export const outcomeColumns = [
  { key: 'won', label: 'Won', format: 'count' },
  { key: 'winRate', label: 'Win rate', format: 'percent' },
  { key: 'cycleDays', label: 'Sales cycle (median)', format: 'days' },
  { key: 'revenue', label: 'Revenue', format: 'money' },
] as const;

export const outcomeNotice =
  'Wins, win rate, sales cycle and revenue: no outcome data yet. They appear once the CRM reports won deals.';

function cycleDays(t: LeadTimeline): number[] {
  return t.outcomeAt === null ? [] : [(Date.parse(t.outcomeAt) - Date.parse(t.createdAt)) / dayMs];
}

function revenueOf(members: LeadTimeline[]): number | null {
  const amounts = members.flatMap((t) => (t.amount === null ? [] : [t.amount]));
  return amounts.length === 0 ? null : amounts.reduce((sum, a) => sum + a, 0);
}
