import type { Decision } from './decision';
import type { Owner } from './owner';
import type { RoutingState } from './routing-state';

/** What decide() needs besides the lead and the definition: the world as the worker sees it. */
export interface DecisionContext {
  /** The tenant's CRM owners; only available ones are routed to. */
  owners: Owner[];
  routingState: RoutingState;
  /** This record's latest decision, so acceptance, owner and SLA clock survive a re-score. */
  previous: Decision | null;
  /**
   * Owners of companies/accounts already in the CRM, by lower-case email domain: a lead from such
   * a company goes to its account owner before territories are considered.
   */
  accountOwners?: ReadonlyMap<string, string>;
}
