export const stages = ['disqualified', 'nurture', 'mql', 'sales_ready', 'sql'] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  disqualified: 'Disqualified',
  nurture: 'Nurture',
  mql: 'Marketing qualified',
  sales_ready: 'Sales ready',
  sql: 'Sales accepted',
};
