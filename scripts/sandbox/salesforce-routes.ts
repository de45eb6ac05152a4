import { Router } from 'express';
import type { Clock } from './clock';
import { markEndpoint } from './endpoint-key';
import type { FaultInjector } from './fault-injector';
import { salesforceApiUsageGuard } from './salesforce-api-usage-guard';
import { salesforceAuthGuard } from './salesforce-auth-guard';
import { registerSalesforceCompositeRoutes } from './salesforce-composite-routes';
import { registerSalesforceDeletedRoutes } from './salesforce-deleted-routes';
import { registerSalesforceOauthRoutes } from './salesforce-oauth-routes';
import { SalesforceQueryLocators } from './salesforce-query-locators';
import { registerSalesforceQueryRoutes } from './salesforce-query-routes';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { registerSalesforceSObjectRoutes } from './salesforce-sobject-routes';
import type { SalesforceState } from './salesforce-state';

export interface SalesforceRoutesOptions {
  state: SalesforceState;
  clock: Clock;
  faults: FaultInjector;
  queryBatchSize: number;
  /** Apply the org's catch-all lead assignment rule (to the lead queue) on API writes without `Sforce-Auto-Assign: FALSE`. */
  assignmentRule: boolean;
}

export interface SalesforceRoutes {
  router: Router;
  /** Calls per `Sforce-Call-Options` client name (`(none)` when a call names none). */
  clients: Map<string, number>;
}

/** Every Salesforce REST route the sandbox emulates, each behind: endpoint marker → faults → session → API allocation. */
export function createSalesforceRoutes(options: SalesforceRoutesOptions): SalesforceRoutes {
  const { state, clock, faults } = options;
  const clients = new Map<string, number>();
  const publicGuards = [markEndpoint, faults.middleware()];
  const sessionGuards = [...publicGuards, salesforceAuthGuard(state.sessions)];
  const ctx: SalesforceRouteContext = {
    state,
    clock,
    publicGuards,
    sessionGuards,
    guards: [...sessionGuards, salesforceApiUsageGuard(state.apiUsage, clients)],
    queryBatchSize: options.queryBatchSize,
    locators: new SalesforceQueryLocators(),
    assignmentRuleOwnerId: options.assignmentRule ? state.leadQueueId : null,
  };
  const router = Router();
  registerSalesforceOauthRoutes(router, ctx);
  registerSalesforceQueryRoutes(router, ctx);
  registerSalesforceCompositeRoutes(router, ctx);
  registerSalesforceDeletedRoutes(router, ctx);
  registerSalesforceSObjectRoutes(router, ctx);
  return { router, clients };
}
