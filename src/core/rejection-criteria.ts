import type { Definition } from './definition';
import { predicateFields } from './predicate-fields';
import type { RejectionReason } from './rejection-reasons';

/**
 * Which of the definition's own checks a rejection reason says the lead failed: the default
 * definition's ids, plus any criterion or disqualifier that reads the fields the reason is about,
 * so custom definitions are covered too. Reasons about the buyer's situation (budget, timing) or
 * the record (duplicate, other) name no check.
 */
const checksByReason: Record<RejectionReason, { ids: readonly string[]; fields: readonly string[] }> = {
  student: { ids: ['student'], fields: [] },
  competitor: { ids: ['competitor'], fields: [] },
  unserved_market: { ids: ['unserved_country'], fields: ['country', 'state'] },
  bad_contact_data: { ids: ['verified_contact', 'invalid_email', 'placeholder_phone', 'free_mail'], fields: ['email', 'phone'] },
  not_decision_maker: { ids: ['title_match'], fields: ['title'] },
  wrong_industry: { ids: [], fields: ['industry'] },
  no_budget: { ids: [], fields: [] },
  poor_timing: { ids: [], fields: [] },
  duplicate: { ids: [], fields: [] },
  other: { ids: [], fields: [] },
};

/** Criterion and disqualifier ids of `definition` that `reason` points at, in definition order. */
export function rejectionCriteria(reason: RejectionReason, definition: Definition): string[] {
  const { ids, fields } = checksByReason[reason];
  const reads = (when: Parameters<typeof predicateFields>[0]) => predicateFields(when).some((f) => fields.includes(f));
  return [...definition.criteria, ...definition.disqualifiers].filter((c) => ids.includes(c.id) || reads(c.when)).map((c) => c.id);
}
