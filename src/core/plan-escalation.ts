import { tallyKeys, withAssignment } from './assignment-tally';
import type { Decision, SlaEscalation } from './decision';
import { decisionExtras } from './decision-extras';
import type { Definition, Pool } from './definition';
import { escalationLine } from './escalation-line';
import type { Owner } from './owner';
import { isOwnerAvailable } from './owner-availability';
import { capNote, pickInPool } from './pick-in-pool';
import { poolCandidates } from './pool-candidates';
import type { RoutingState } from './routing-state';
import type { EscalationAction } from './sla-policy-schema';
import { slaDueAt } from './sla-due-at';
import { slaState } from './sla-state';
import { slaHours } from './sla-window';

export interface EscalationPlan {
  /** What is done: the policy's action, or alert_only when it cannot be carried out. */
  action: EscalationAction;
  /** The new owner; null when only alerting. Never the owner who breached. */
  newOwnerId: string | null;
  poolId: string | null;
  /** How the new owner was chosen, for the decision's routing ("SLA escalation, pool East: …"). */
  routingExplanation: string | null;
  newRoutingState: RoutingState;
  /** The new owner's due time on a fresh clock; the unchanged due time when only alerting. */
  newSlaDueAt: string | null;
  /** The why's "Escalated: …" line. */
  explanation: string;
  escalation: SlaEscalation;
}

/**
 * What the SLA sweep does about a lead whose owner missed the response time, per the definition's
 * escalation policy: hand it to the next available owner in its pool by the same weighted round
 * robin (skipping owners at cap or away, and anyone who already breached on it), or to the pool's
 * manager, or only alert. Moving falls back to alerting when nobody else can take it or after
 * `maxReassignments`. Null when nothing is due: the SLA is not breached, or this breach was
 * already escalated.
 */
export function planEscalation(
  decision: Decision,
  definition: Definition,
  owners: readonly Owner[],
  routingState: RoutingState,
  now: Date,
): EscalationPlan | null {
  if (slaState(decision, now, definition.sla.dueSoonFraction) !== 'breached' || decision.slaDueAt === null) return null;
  const { escalations } = decisionExtras(decision);
  const last = escalations[escalations.length - 1];
  if (last !== undefined && last.breachedAt === decision.slaDueAt) return null;

  const breachedAt = decision.slaDueAt;
  const fromOwnerId = decision.ownerId;
  const policy = definition.sla.escalation;
  const alert = (note: string | null): EscalationPlan => {
    const escalation: SlaEscalation = { breachedAt, escalatedAt: now.toISOString(), action: 'alert_only', fromOwnerId, toOwnerId: null, note };
    return {
      action: 'alert_only',
      newOwnerId: null,
      poolId: decision.routing?.poolId ?? null,
      routingExplanation: null,
      newRoutingState: routingState,
      newSlaDueAt: breachedAt,
      explanation: escalationLine(escalation, owners, definition.timeZone),
      escalation,
    };
  };
  if (policy.action === 'alert_only') return alert(null);
  const reassigned = escalations.filter((e) => e.toOwnerId !== null).length;
  if (reassigned >= policy.maxReassignments) return alert(`reassignment limit of ${policy.maxReassignments} reached`);
  const pool = poolOf(decision, definition, owners, now.getTime());
  if (pool === null) return alert('no pool to reassign within');

  let newOwnerId: string;
  let routingExplanation: string;
  let newRoutingState: RoutingState;
  if (policy.action === 'pool_manager') {
    const manager = pool.managerOwnerId === null ? undefined : owners.find((o) => o.id === pool.managerOwnerId);
    if (manager === undefined || manager.id === fromOwnerId || !isOwnerAvailable(manager, now.getTime())) {
      return alert(`pool ${pool.name} has no other manager available`);
    }
    newOwnerId = manager.id;
    routingExplanation = `SLA escalation: manager of pool ${pool.name}`;
    newRoutingState = withAssignment(routingState, manager.id, tallyKeys(now.getTime(), manager.timeZone ?? definition.timeZone), now.getTime());
  } else {
    // Everyone who already let this lead's SLA pass is skipped, not just the latest owner.
    const breached = [...escalations.map((e) => e.fromOwnerId), fromOwnerId].filter((id): id is string => id !== null);
    const { pick } = pickInPool(pool, owners, routingState, now, definition.timeZone, breached);
    if (pick === null) return alert(`nobody else available in pool ${pool.name}`);
    newOwnerId = pick.ownerId;
    routingExplanation = `SLA escalation, pool ${pool.name}: round robin (weight ${pick.weight} of ${pick.totalWeight})${capNote(pick)}`;
    newRoutingState = pick.nextState;
  }
  const escalation: SlaEscalation = {
    breachedAt,
    escalatedAt: now.toISOString(),
    action: policy.action,
    fromOwnerId,
    toOwnerId: newOwnerId,
    note: null,
  };
  const timeZone = owners.find((o) => o.id === newOwnerId)?.timeZone ?? definition.timeZone;
  const due = slaDueAt(now, slaHours(decision.slaTier ?? 'standard', definition), definition.sla.businessHours, timeZone);
  return {
    action: policy.action,
    newOwnerId,
    poolId: pool.id,
    routingExplanation,
    newRoutingState,
    newSlaDueAt: due.toISOString(),
    explanation: escalationLine(escalation, owners, definition.timeZone),
    escalation,
  };
}

/** The pool the lead was routed from; for a lead kept with its CRM owner, the first pool that owner is in. */
function poolOf(decision: Decision, definition: Definition, owners: readonly Owner[], nowMs: number): Pool | null {
  const routedFrom = decision.routing?.poolId ?? null;
  const byId = routedFrom === null ? undefined : definition.routing.pools.find((p) => p.id === routedFrom);
  if (byId !== undefined) return byId;
  const ownerId = decision.ownerId;
  if (ownerId === null) return null;
  // The owner may be away by now, so membership is judged as if everyone were in.
  const everyoneIn = owners.map((o) => ({ ...o, available: true, outOfOffice: null }));
  return definition.routing.pools.find((p) => poolCandidates(p, everyoneIn, nowMs).some((c) => c.ownerId === ownerId)) ?? null;
}
