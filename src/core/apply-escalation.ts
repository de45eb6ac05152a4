import type { Decision } from './decision';
import { decisionExtras } from './decision-extras';
import type { Owner } from './owner';
import type { EscalationPlan } from './plan-escalation';
import { stampEscalation } from './stamp-escalation';
import { routingLine } from './write-why';

/**
 * The decision after an escalation, ready to store and write back: the new owner on a fresh SLA
 * clock, the routing saying so, the escalation remembered and the why stamped. When the plan only
 * alerts, just the escalation and the why change. The next re-score keeps all of it.
 */
export function applyEscalation(decision: Decision, plan: EscalationPlan, owners: readonly Owner[]): Decision {
  const escalations = [...decisionExtras(decision).escalations, plan.escalation];
  const decidedAt = plan.escalation.escalatedAt;
  if (plan.newOwnerId === null) {
    return { ...decision, escalations, why: stampEscalation(decision.why, null, plan.explanation), decidedAt };
  }
  const routing = { ownerId: plan.newOwnerId, poolId: plan.poolId, explanation: plan.routingExplanation ?? 'SLA escalation' };
  const name = owners.find((o) => o.id === plan.newOwnerId)?.name ?? null;
  return {
    ...decision,
    ownerId: plan.newOwnerId,
    routing,
    routedAt: decidedAt,
    slaDueAt: plan.newSlaDueAt,
    escalations,
    why: stampEscalation(decision.why, routingLine(routing, name), plan.explanation),
    decidedAt,
  };
}
