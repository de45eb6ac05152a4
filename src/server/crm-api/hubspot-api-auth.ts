import type { RequestHandler } from 'express';
import { checkHubspotV3 } from '../../../adapters/hubspot/hubspot-signature-v3';
import { ApiError } from './api-error';
import type { CrmApiDeps } from './crm-api-deps';
import { requireInstalled } from './require-installed';

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * `hubspot.fetch` requests: HubSpot signs method + full URL (query as received) + raw body + timestamp
 * with the app's client secret. Only a valid, fresh signature makes the query's portalId and userId
 * trustworthy, so nothing is read before it is checked.
 */
export function hubspotApiAuth(deps: CrmApiDeps): RequestHandler {
  return async (req, res, next) => {
    const app = deps.hubspot;
    if (!app) throw new ApiError(401, 'unauthorized', 'HubSpot is not configured on this Accord instance');
    const check = checkHubspotV3({
      clientSecret: app.clientSecret,
      method: req.method,
      uri: deps.publicUrl + req.originalUrl,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      signature: req.get('X-HubSpot-Signature-v3'),
      timestamp: req.get('X-HubSpot-Request-Timestamp'),
      now: deps.clock.now(),
    });
    if (!check.ok) throw new ApiError(401, 'unauthorized', check.message);

    const portalId = single(req.query.portalId);
    if (!portalId || !/^\d{1,20}$/.test(portalId)) throw new ApiError(401, 'unauthorized', 'the signed request names no portal');
    const appId = single(req.query.appId);
    if (appId !== undefined && app.appId !== null && appId !== app.appId) throw new ApiError(401, 'unauthorized', 'the request was signed for another app');
    const userId = single(req.query.userId);
    if (!userId) throw new ApiError(401, 'unauthorized', 'the signed request names no user');
    const tenant = { crm: 'hubspot' as const, tenantId: portalId };
    await requireInstalled(deps.store, tenant);
    res.locals.auth = { tenant, actor: { id: userId, email: single(req.query.userEmail) ?? null } };
    next();
  };
}
