import { assignOwner } from './assign-owner';
import { chooseStage } from './choose-stage';
import { compileDefinition } from './compile-definition';
import type { Decision, RoutingOutcome } from './decision';
import type { DecisionContext } from './decision-context';
import type { Definition } from './definition';
import type { Lead } from './lead';
import { missingRequiredFields } from './missing-required-fields';
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
  const sheet = scoreLead(lead, definition, compileDefinition(definition), now);
  const missingFields = missingRequiredFields(lead, definition.requiredFields);
  const verdict = chooseStage({ lead, definition, sheet, missingFields, previous: context.previous });

  let routing: RoutingOutcome | null = null;
  let routingState = context.routingState;
  let ownerId = lead.ownerId;
  let slaDueAt: string | null = null;
  // An accepted lead keeps the hand-over time it was routed at; it has no response due any more.
  let routedAt = verdict.stage === 'sql' ? (context.previous?.routedAt ?? null) : null;
  if (verdict.stage === 'sales_ready' && verdict.slaTier !== null) {
    ({ routing, routingState } = assignOwner(lead, definition, context));
    // Nobody available: leave the CRM owner as it is rather than clearing it.
    ownerId = routing.ownerId ?? lead.ownerId;
    ({ routedAt, slaDueAt } = slaWindow(verdict.slaTier, ownerId, definition, context.previous, now));
  }
  const routedTo = routing?.ownerId ?? null;
  const ownerName = routedTo === null ? null : (context.owners.find((o) => o.id === routedTo)?.name ?? null);

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
    why: writeWhy({ lead, definition, verdict, sheet, missingFields, routing, ownerName }),
    definitionVersion: definition.version,
    slaTier: verdict.slaTier,
    slaDueAt,
    routedAt,
    decidedAt: now.toISOString(),
  };
  return { decision, routingState };
}
