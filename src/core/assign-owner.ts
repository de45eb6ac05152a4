import type { DecisionContext } from './decision-context';
import type { RoutingOutcome } from './decision';
import type { Definition } from './definition';
import type { Lead } from './lead';
import { isOwnerAvailable } from './owner-availability';
import { routeLead } from './route-lead';
import type { RoutingState } from './routing-state';

export interface OwnerAssignment {
  routing: RoutingOutcome;
  routingState: RoutingState;
}

/**
 * The owner of a sales-ready lead. An owner already chosen stays while available: re-scoring must
 * not bounce a lead between reps, nor advance the round robin. Otherwise the lead is routed.
 * Marketing's owner is never "kept": that is where rejected leads wait, not a sales rep.
 */
export function assignOwner(lead: Lead, definition: Definition, context: DecisionContext, now: Date): OwnerAssignment {
  const nowMs = now.getTime();
  const available = (id: string | null) =>
    id === null ? undefined : context.owners.find((o) => o.id === id && isOwnerAvailable(o, nowMs));
  const marketing = definition.feedback.marketingOwnerId;
  const crmOwner = definition.routing.respectExistingOwner && lead.ownerId !== marketing ? available(lead.ownerId) : undefined;
  const previous = context.previous?.routing ?? null;
  // Our own earlier routing echoes back as the CRM owner: keep its explanation so the "why" does not churn.
  if (previous && available(previous.ownerId) && (crmOwner === undefined || crmOwner.id === previous.ownerId)) {
    return { routing: previous, routingState: context.routingState };
  }
  if (crmOwner !== undefined) {
    return {
      routing: { ownerId: crmOwner.id, poolId: null, explanation: `kept existing owner ${crmOwner.name}` },
      routingState: context.routingState,
    };
  }
  const { nextState, ...routing } = routeLead(lead, definition, context.owners, context.routingState, now, context.accountOwners);
  return { routing, routingState: nextState };
}
