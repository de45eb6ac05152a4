/**
 * Accord's stages and rejection taxonomy, as the CRM pages show them. The HubSpot build only sees
 * this project, so these are copies of src/core/stage.ts and src/core/rejection-reasons.ts;
 * test/manifests/hubspot-ui-contract.test.ts fails when they drift apart.
 */

export const stages = ['disqualified', 'nurture', 'mql', 'sales_ready', 'sql'] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  disqualified: 'Disqualified',
  nurture: 'Nurture',
  mql: 'Marketing qualified',
  sales_ready: 'Sales ready',
  sql: 'Sales accepted',
};

export const rejectionReasons = [
  'wrong_industry',
  'no_budget',
  'poor_timing',
  'student',
  'competitor',
  'bad_contact_data',
  'not_decision_maker',
  'unserved_market',
  'duplicate',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const rejectionReasonLabels: Record<RejectionReason, string> = {
  wrong_industry: 'Wrong industry',
  no_budget: 'No budget',
  poor_timing: 'Poor timing',
  student: 'Student',
  competitor: 'Competitor',
  bad_contact_data: 'Bad contact data',
  not_decision_maker: 'Not a decision maker',
  unserved_market: 'Unserved market',
  duplicate: 'Duplicate',
  other: 'Other',
};

export function isRejectionReason(value: unknown): value is RejectionReason {
  return typeof value === 'string' && (rejectionReasons as readonly string[]).includes(value);
}

/**
 * Where the response clock stands: src/core/sla-state.ts gives on_track / due_soon / breached while
 * it runs; Accord's API adds "accepted" (sales took the lead) and "none" (no clock: not sales-ready).
 */
export const slaStates = ['none', 'on_track', 'due_soon', 'breached', 'accepted'] as const;
export type SlaState = (typeof slaStates)[number];

export const slaStateLabels: Record<SlaState, string> = {
  none: 'No SLA',
  on_track: 'On track',
  due_soon: 'Due soon',
  breached: 'Breached',
  accepted: 'Accepted by sales',
};
