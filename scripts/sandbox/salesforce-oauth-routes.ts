import type { Request, Router } from 'express';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { callingUser } from './salesforce-auth-guard';
import { SalesforceAuthorizationCodes } from './salesforce-authorization-codes';
import { SalesforceOauthError } from './salesforce-oauth-error';
import { fullName } from './salesforce-user-directory';
import { queryString } from './query-list';

const origin = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

/**
 * The org's login server: the consent screen (`GET /services/oauth2/authorize`, which consents at once
 * as the integration user and redirects with a code), `POST /services/oauth2/token` (authorization-code
 * grant with PKCE, refresh-token grant), `POST /services/oauth2/revoke` and `GET /services/oauth2/userinfo`.
 */
export function registerSalesforceOauthRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const { state } = ctx;
  const codes = new SalesforceAuthorizationCodes(ctx.clock);

  router.get('/services/oauth2/authorize', ...ctx.publicGuards, (req, res) => {
    if (queryString(req.query.response_type) !== 'code') throw new SalesforceOauthError('unsupported_response_type', 'response type not supported');
    const clientId = queryString(req.query.client_id) ?? '';
    state.sessions.checkClient(clientId, undefined);
    const redirectUri = queryString(req.query.redirect_uri);
    const code = codes.authorize({
      clientId,
      redirectUri,
      codeChallenge: queryString(req.query.code_challenge),
      codeChallengeMethod: queryString(req.query.code_challenge_method),
      userId: state.integrationUserId,
    });
    const target = new URL(redirectUri as string);
    target.searchParams.set('code', code);
    const stateParam = queryString(req.query.state);
    if (stateParam !== undefined) target.searchParams.set('state', stateParam);
    res.redirect(302, target.toString());
  });

  router.post('/services/oauth2/token', ...ctx.publicGuards, (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    let session: { accessToken: string; userId: string; refreshToken?: string };
    if (body.grant_type === 'refresh_token') {
      session = state.sessions.refresh({ clientId: body.client_id, clientSecret: body.client_secret, refreshToken: body.refresh_token });
    } else if (body.grant_type === 'authorization_code') {
      state.sessions.checkClient(body.client_id, body.client_secret);
      const userId = codes.redeem({ code: body.code, clientId: body.client_id, redirectUri: body.redirect_uri, codeVerifier: body.code_verifier });
      const refreshToken = state.sessions.grantNew(userId);
      session = { accessToken: state.sessions.issue(userId, refreshToken), userId, refreshToken };
    } else {
      throw new SalesforceOauthError('unsupported_grant_type', 'grant type not supported');
    }
    const issuedAt = ctx.clock();
    res.json({
      access_token: session.accessToken,
      ...(session.refreshToken ? { refresh_token: session.refreshToken } : {}),
      signature: Buffer.from(`${session.accessToken}:${issuedAt}`).toString('base64'),
      scope: 'api refresh_token',
      instance_url: origin(req),
      id: `${origin(req)}/id/${state.orgId}/${session.userId}`,
      token_type: 'Bearer',
      issued_at: String(issuedAt),
    });
  });

  // What an admin's "Revoke" in Setup → Connected Apps OAuth Usage does to a refresh token (and its sessions).
  router.post('/services/oauth2/revoke', ...ctx.publicGuards, (req, res) => {
    const token = ((req.body ?? {}) as Record<string, string | undefined>).token ?? queryString(req.query.token);
    if (!token || !state.sessions.revokeRefreshToken(token)) throw new SalesforceOauthError('invalid_token', 'invalid token');
    res.status(200).end();
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
