import type { Request, Router } from 'express';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { callingUser } from './salesforce-auth-guard';
import { SalesforceOauthError } from './salesforce-oauth-error';
import { fullName } from './salesforce-user-directory';

const origin = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

/** `POST /services/oauth2/token` (refresh-token grant) and `GET /services/oauth2/userinfo`. The sandbox is its own login server. */
export function registerSalesforceOauthRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const { state } = ctx;

  router.post('/services/oauth2/token', ...ctx.publicGuards, (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'refresh_token') throw new SalesforceOauthError('unsupported_grant_type', 'grant type not supported');
    const { accessToken, userId } = state.sessions.refresh({ clientId: body.client_id, clientSecret: body.client_secret, refreshToken: body.refresh_token });
    const issuedAt = ctx.clock();
    res.json({
      access_token: accessToken,
      signature: Buffer.from(`${accessToken}:${issuedAt}`).toString('base64'),
      scope: 'api refresh_token',
      instance_url: origin(req),
      id: `${origin(req)}/id/${state.orgId}/${userId}`,
      token_type: 'Bearer',
      issued_at: String(issuedAt),
    });
  });

  router.get('/services/oauth2/userinfo', ...ctx.sessionGuards, (req, res) => {
    const userId = callingUser(res.locals);
    const user = state.users.find(userId);
    res.json({
      sub: `${origin(req)}/id/${state.orgId}/${userId}`,
      user_id: userId,
      organization_id: state.orgId,
      preferred_username: user?.Username ?? null,
      name: user ? fullName(user) : null,
      email: user?.Email ?? null,
      active: user?.IsActive ?? false,
    });
  });
}
