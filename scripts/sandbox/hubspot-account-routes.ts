import type { Router } from 'express';
import type { HubspotRouteContext } from './hubspot-route-context';

/** `GET /account-info/v3/details`: what an app reads to learn which portal a token belongs to. */
export function registerAccountRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, guards } = ctx;

  router.get('/account-info/v3/details', ...guards, (_req, res) => {
    res.json({
      portalId: Number(state.portalId),
      accountType: 'DEVELOPER_TEST',
      timeZone: 'US/Eastern',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: '-05:00',
      utcOffsetMilliseconds: -18_000_000,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
  });
}
