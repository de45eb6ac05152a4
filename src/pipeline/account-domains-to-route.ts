import { decideWithRouting } from '../core/decide';
import type { Decision } from '../core/decision';
import type { Definition } from '../core/definition';
import type { Lead } from '../core/lead';
import type { Owner } from '../core/owner';
import type { RoutingState } from '../core/routing-state';

/**
 * The email domains of the leads this pass will route (sales-ready, not kept with a CRM owner), so
 * the CRM is asked for account owners once per pass and only when routing can use the answer.
 * Decides each lead on a throwaway routing state: the real pass decides again with the accounts.
 */
export function accountDomainsToRoute(
  leads: readonly Lead[],
  definition: Definition,
  owners: Owner[],
  routingState: RoutingState,
  previous: ReadonlyMap<string, Decision>,
  now: Date,
): string[] {
  const domains = new Set<string>();
  for (const lead of leads) {
    if (lead.domain === null) continue;
    const prior = previous.get(lead.recordId) ?? null;
    const { decision } = decideWithRouting(lead, definition, { owners, routingState, previous: prior }, now);
    const routing = decision.routing;
    if (decision.stage !== 'sales_ready' || routing === null) continue;
    // A lead keeping its owner (our earlier routing, or the CRM owner) is not routed again: no lookup.
    const kept = routing === prior?.routing || (routing.ownerId !== null && routing.ownerId === lead.ownerId);
    if (!kept) domains.add(lead.domain);
  }
  return [...domains];
}
