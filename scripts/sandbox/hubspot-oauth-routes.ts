import type { Router } from 'express';
import { HubspotOauthError } from './hubspot-oauth-error';
import type { HubspotRouteContext } from './hubspot-route-context';
import { queryString } from './query-list';

function formOf(body: unknown): Record<string, string | undefined> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]));
}

/**
 * HubSpot's OAuth: the consent screen (`GET /oauth/authorize`, which consents at once and redirects
 * with a code), the form-encoded token endpoint, and token introspection.
 */
export function registerOauthRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, publicGuards } = ctx;

  router.get('/oauth/authorize', ...publicGuards, (req, res) => {
    const redirectUri = queryString(req.query.redirect_uri);
    if (!redirectUri) throw new HubspotOauthError('BAD_REDIRECT_URI', 'redirect_uri is required');
    const code = state.oauth.authorize({
      clientId: queryString(req.query.client_id) ?? '',
      redirectUri,
      scopes: (queryString(req.query.scope) ?? '').split(/[\s+]+/).filter(Boolean),
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const stateParam = queryString(req.query.state);
    if (stateParam !== undefined) target.searchParams.set('state', stateParam);
    res.redirect(302, target.toString());
  });

  router.post('/oauth/v1/token', ...publicGuards, (req, res) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new HubspotOauthError('BAD_GRANT_TYPE', 'the token endpoint takes an application/x-www-form-urlencoded body');
    }
    res.json(state.oauth.exchange(formOf(req.body)));
  });

  router.get('/oauth/v1/access-tokens/:token', ...publicGuards, (req, res) => {
    res.json(state.oauth.accessTokenInfo(String(req.params.token)));
  });

  router.get('/oauth/v1/refresh-tokens/:token', ...publicGuards, (req, res) => {
    res.json(state.oauth.refreshTokenInfo(String(req.params.token)));
  });

  router.delete('/oauth/v1/refresh-tokens/:token', ...publicGuards, (req, res) => {
    state.oauth.revokeRefreshToken(String(req.params.token));
    res.status(204).end();
  });
}
