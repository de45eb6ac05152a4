import { Router } from 'express';
import type { Clock } from './clock';
import { markEndpoint } from './endpoint-key';
import type { FaultInjector } from './fault-injector';
import { registerAccountRoutes } from './hubspot-account-routes';
import { hubspotAuthGuard } from './hubspot-auth-guard';
import { registerContactBatchRoutes } from './hubspot-contact-batch-routes';
import { registerContactRoutes } from './hubspot-contact-routes';
import { registerContactSearchRoute } from './hubspot-contact-search-route';
import { registerCompanySearchRoute } from './hubspot-company-search-route';
import { registerOauthRoutes } from './hubspot-oauth-routes';
import { registerOwnerRoutes } from './hubspot-owner-routes';
import { registerPropertyRoutes } from './hubspot-property-routes';
import type { HubspotRouteContext } from './hubspot-route-context';
import type { HubspotState } from './hubspot-state';
import { rateLimitGuard } from './rate-limit-guard';
import { RollingWindowLimiter, type RateLimit } from './rolling-window-limiter';

export interface HubspotRoutesOptions {
  state: HubspotState;
  clock: Clock;
  faults: FaultInjector;
  /** null: no limit (and no rate-limit headers). */
  rateLimit: RateLimit | null;
  searchRateLimit: RateLimit | null;
}

export interface HubspotRoutes {
  router: Router;
  /** Forget past requests, e.g. between test cases. */
  resetRateLimits(): void;
}

/** Every HubSpot API route the sandbox emulates, each behind: endpoint marker → faults → auth → rate limit. */
export function createHubspotRoutes(options: HubspotRoutesOptions): HubspotRoutes {
  const { state, clock, faults } = options;
  const tenSecondly = options.rateLimit ? new RollingWindowLimiter(options.rateLimit, clock) : null;
  const secondly = options.searchRateLimit ? new RollingWindowLimiter(options.searchRateLimit, clock) : null;
  const publicGuards = [markEndpoint, faults.middleware()];
  const authenticated = [...publicGuards, hubspotAuthGuard(state.oauth, clock)];
  const ctx: HubspotRouteContext = {
    state,
    clock,
    publicGuards,
    guards: tenSecondly ? [...authenticated, rateLimitGuard(tenSecondly, 'TEN_SECONDLY_ROLLING')] : authenticated,
    searchGuards: secondly ? [...authenticated, rateLimitGuard(secondly, 'SECONDLY')] : authenticated,
    appSource: { changeSource: 'INTEGRATION', sourceId: state.appId },
  };
  const router = Router();
  registerContactSearchRoute(router, ctx);
  registerCompanySearchRoute(router, ctx);
  registerContactBatchRoutes(router, ctx);
  registerContactRoutes(router, ctx);
  registerOwnerRoutes(router, ctx);
  registerPropertyRoutes(router, ctx);
  registerAccountRoutes(router, ctx);
  registerOauthRoutes(router, ctx);
  return {
    router,
    resetRateLimits() {
      tenSecondly?.reset();
      secondly?.reset();
    },
  };
}
