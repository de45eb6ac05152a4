import { assignOwner } from './assign-owner';
import { chooseStage } from './choose-stage';
import { compileDefinition } from './compile-definition';
import type { Decision, RejectionFact, RoutingOutcome, SlaEscalation } from './decision';
import type { DecisionContext } from './decision-context';
import { decisionExtras } from './decision-extras';
import type { Definition } from './definition';
import { detectAcceptance } from './detect-acceptance';
import { escalationLine } from './escalation-line';
import { instantText } from './instant-text';
import type { Lead } from './lead';
import { missingRequiredFields } from './missing-required-fields';
import type { Owner } from './owner';
import { ownerName } from './owner-name';
import type { RoutingState } from './routing-state';
import { scoreLead } from './score-lead';
import { slaWindow } from './sla-window';
import { writeWhy } from './write-why';

export interface DecisionWithRouting {
  decision: Decision;
  /** The round-robin state after this lead: pass it to the next decide call and store it. */
  routingState: RoutingState;
}

/** Scores, stages, routes and explains one lead. Pure: the time comes in as `now`. */
export function decide(lead: Lead, definition: Definition, context: DecisionContext, now: Date): Decision {
  return decideWithRouting(lead, definition, context, now).decision;
}

/** `decide`, plus the routing state a batch must carry from one lead to the next. */
export function decideWithRouting(lead: Lead, definition: Definition, context: DecisionContext, now: Date): DecisionWithRouting {
  const previous = context.previous;
  const earlier = previous === null ? null : decisionExtras(previous);
  const sheet = scoreLead(lead, definition, compileDefinition(definition), now);
  const missingFields = missingRequiredFields(lead, definition.requiredFields);
  const acceptance = detectAcceptance(previous, lead, definition, now);
  const accepted = previous?.stage === 'sql' || acceptance !== null;
  const verdict = chooseStage({ lead, definition, sheet, missingFields, accepted });

  let routing: RoutingOutcome | null = null;
  let routingState = context.routingState;
  let ownerId = lead.ownerId;
  let slaDueAt: string | null = null;
  let owner: Owner | undefined;
  // An accepted lead keeps the hand-over time it was routed at; it has no response due any more.
  let routedAt = verdict.stage === 'sql' ? (previous?.routedAt ?? null) : null;
  if (verdict.stage === 'sales_ready' && verdict.slaTier !== null) {
    ({ routing, routingState } = assignOwner(lead, definition, context, now));
    // Nobody available: leave the CRM owner as it is rather than clearing it.
    ownerId = routing.ownerId ?? lead.ownerId;
    owner = ownerId === null ? undefined : context.owners.find((o) => o.id === ownerId);
    ({ routedAt, slaDueAt } = slaWindow(verdict.slaTier, ownerId, definition, previous, now, owner?.timeZone ?? definition.timeZone));
  }
  let rejection: RejectionFact | null = null;
  const marketingOwnerId = definition.feedback.marketingOwnerId;
  if (verdict.cause === 'rejected') {
    rejection = rejectionFact(lead, earlier?.rejection ?? null, now);
    if (marketingOwnerId !== null) ownerId = marketingOwnerId;
  }
  // Escalations belong to the lead's time with sales; back in marketing it starts afresh.
  const withSales = verdict.stage === 'sales_ready' || verdict.stage === 'sql';
  const escalations: SlaEscalation[] = withSales && earlier !== null && earlier.escalations.length > 0 ? [...earlier.escalations] : [];
  const lastEscalation = escalations[escalations.length - 1];
  const showEscalation =
    verdict.stage === 'sales_ready' && lastEscalation !== undefined && (lastEscalation.toOwnerId ?? lastEscalation.fromOwnerId) === ownerId;
  const routedTo = routing?.ownerId ?? null;

  const decision: Decision = {
    crm: lead.crm,
    tenantId: lead.tenantId,
    recordId: lead.recordId,
    score: sheet.score,
    fitScore: sheet.fitScore,
    intentScore: sheet.intentScore,
    stage: verdict.stage,
    ownerId,
    routing,
    autoAccepted: verdict.autoAccepted,
    reasons: sheet.reasons,
    disqualifiedBy: sheet.disqualifiedBy,
    missingFields,
    why: writeWhy({
      lead,
      definition,
      verdict,
      sheet,
      missingFields,
      routing,
      ownerName: routedTo === null ? null : ((owner?.id === routedTo ? owner : context.owners.find((o) => o.id === routedTo))?.name ?? null),
      acceptance,
      escalationLine: showEscalation ? escalationLine(lastEscalation, context.owners, definition.timeZone) : null,
      marketingOwnerName: rejection !== null && marketingOwnerId !== null ? ownerName(context.owners, marketingOwnerId) : null,
    }),
    definitionVersion: definition.version,
    slaTier: verdict.slaTier,
    slaDueAt,
    routedAt,
    acceptedAt: verdict.stage === 'sql' ? (acceptance?.acceptedAt ?? earlier?.acceptedAt ?? null) : null,
    rejection,
    escalations,
    decidedAt: instantText(now),
  };
  return { decision, routingState };
}

/** The rejection on the record, dated when first seen so a re-score does not record it again. */
function rejectionFact(lead: Lead, earlier: RejectionFact | null, now: Date): RejectionFact {
  const reason = (lead.rejectionReason ?? '').trim();
  const note = lead.rejectionNote?.trim() ? lead.rejectionNote.trim() : null;
  const rejectedAt = earlier !== null && earlier.reason === reason ? earlier.rejectedAt : now.toISOString();
  return { reason, note, rejectedAt };
}
