import type { RequestHandler } from 'express';
import { bearerToken } from './bearer-token';
import type { Clock } from './clock';
import { HubspotApiError } from './hubspot-api-error';
import type { HubspotOauthTokens } from './hubspot-oauth-tokens';

const credentialsNotFound =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** Refuses requests without a token the portal issued, with HubSpot's 401 bodies. */
export function hubspotAuthGuard(tokens: HubspotOauthTokens, clock: Clock): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req);
    if (!token) return next(new HubspotApiError(401, 'INVALID_AUTHENTICATION', credentialsNotFound));
    const check = tokens.check(token);
    if (check.ok) return next();
    if (check.reason === 'expired') {
      const minutes = Math.max(1, Math.round((clock() - check.expiredAt) / 60_000));
      return next(new HubspotApiError(401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${minutes} minute(s) ago.`));
    }
    return next(new HubspotApiError(401, 'INVALID_AUTHENTICATION', credentialsNotFound));
  };
}
