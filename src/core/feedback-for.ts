import { classifyRejection } from './classify-rejection';
import type { Decision } from './decision';
import { decisionExtras } from './decision-extras';
import type { Definition } from './definition';
import type { FeedbackRecord } from './feedback-record';
import type { Lead } from './lead';
import { leadSummaryOf } from './lead-summary';
import type { Owner } from './owner';

/**
 * The feedback to record when `decision` (just made from `lead`) carries a rejection that
 * `previous` did not: once per rejection, not on every re-score, and a rep correcting the reason
 * later does not count the lead twice. Null when there is nothing new.
 */
export function feedbackFor(
  previous: Decision | null,
  decision: Decision,
  lead: Lead,
  definition: Definition,
  owners: readonly Owner[],
): FeedbackRecord | null {
  const rejection = decisionExtras(decision).rejection;
  if (rejection === null || (previous !== null && wasRejected(previous))) return null;
  const classification = classifyRejection(rejection.reason, previous, definition);
  // Who had it before it went back to marketing: the routed owner, else the CRM owner.
  const repOwnerId = previous?.ownerId ?? lead.ownerId;
  return {
    crm: decision.crm,
    tenantId: decision.tenantId,
    recordId: decision.recordId,
    reason: classification.reason,
    reasonText: rejection.reason,
    note: rejection.note,
    repOwnerId,
    repName: repOwnerId === null ? null : (owners.find((o) => o.id === repOwnerId)?.name ?? null),
    source: lead.source,
    campaign: lead.campaign,
    lead: leadSummaryOf(lead, previous ?? decision),
    definitionVersion: previous?.definitionVersion ?? null,
    scoreAtRouting: previous?.score ?? null,
    routedAt: previous?.routedAt ?? null,
    rejectedAt: rejection.rejectedAt,
    classification,
  };
}

/**
 * Decisions stored before rejections were recorded carry no `rejection` field; their why still
 * says so, and reading it keeps an old rejection from being counted again after the upgrade.
 */
function wasRejected(previous: Decision): boolean {
  if (decisionExtras(previous).rejection !== null) return true;
  return previous.rejection === undefined && previous.stage === 'nurture' && previous.why.includes(': rejected by sales as ');
}
