/** The rejection taxonomy reps pick from on the record (CRM picklist values). */
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
