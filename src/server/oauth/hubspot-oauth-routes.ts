import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { CredentialsSealer } from '../../config/credentials-sealer';
import type { CrmAdapter, TenantConnection } from '../../core/crm-adapter';
import { bootstrapTenant } from '../../pipeline/bootstrap-tenant';
import type { Clock } from '../../pipeline/clock';
import type { Store } from '../../store/store';
import { sealHubspotCredentials } from './hubspot-oauth-credentials';
import { readHubspotTokenPortal, requestHubspotTokens } from './hubspot-token-client';
import { installPage } from './install-page';
import { oauthStateLifetimeMs, readOauthState, signOauthState } from './oauth-state';

export interface HubspotOauthDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  adapter: CrmAdapter;
  sealer: CredentialsSealer;
  /** ACCORD_SECRET_KEY: signs the state. */
  secretKey: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  authorizeUrl: string;
  /** https://api.hubapi.com, or the sandbox. */
  apiBase: string;
  /** HUBSPOT_BASE_PATH kept on the tenant (null: HubSpot's). */
  instanceUrl: string | null;
  readonly publicUrl: string;
}

function page(res: Response, status: number, title: string, text: string): void {
  installPage(res, status, title, [text]);
}

/**
 * The marketplace install: `/install` sends the admin to HubSpot's consent screen with a signed,
 * single-use state; `/callback` checks it, trades the code for tokens, keeps them sealed, and makes
 * the portal ready (Accord's properties, the default definition, owners). Installing again updates
 * the same tenant (new tokens, active again).
 */
export function hubspotOauthRoutes(deps: HubspotOauthDeps): Router {
  const router = Router();
  const redirectUri = () => `${deps.publicUrl}/oauth/hubspot/callback`;

  router.get('/install', (_req, res) => {
    const target = new URL(deps.authorizeUrl);
    target.searchParams.set('client_id', deps.clientId);
    target.searchParams.set('redirect_uri', redirectUri());
    target.searchParams.set('scope', deps.scopes);
    target.searchParams.set('state', signOauthState(deps.secretKey, 'hubspot', deps.clock.now()));
    res.redirect(302, target.toString());
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    const stateText = typeof req.query.state === 'string' ? req.query.state : '';
    const now = deps.clock.now();
    const state = readOauthState(deps.secretKey, 'hubspot', stateText, now);
    if (!state) return page(res, 400, 'Install link expired or invalid', 'Start the install again from HubSpot.');
    const first = await deps.store.useOauthState(state.nonce, new Date(now).toISOString(), new Date(state.expiresAt + oauthStateLifetimeMs).toISOString());
    if (!first) return page(res, 400, 'Install link already used', 'Start the install again from HubSpot.');
    if (!code) return page(res, 400, 'Install cancelled', 'HubSpot sent no authorization code.');

    const tokens = await requestHubspotTokens(deps.apiBase, {
      grant_type: 'authorization_code',
      client_id: deps.clientId,
      client_secret: deps.clientSecret,
      redirect_uri: redirectUri(),
      code,
    });
    const portalId = await readHubspotTokenPortal(deps.apiBase, tokens.accessToken);
    const credentials = sealHubspotCredentials(deps.sealer, {
      kind: 'hubspot-oauth',
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: now + tokens.expiresInSeconds * 1000,
    });
    const connection: TenantConnection = { crm: 'hubspot', tenantId: portalId, accessToken: tokens.accessToken, instanceUrl: deps.instanceUrl };
    const ready = await bootstrapTenant(deps.store, deps.adapter, connection, { name: `HubSpot portal ${portalId}`, credentials, installFields: true }, new Date(now));
    await deps.store.appendAudit([{ tenant: ready.tenant, at: new Date(now).toISOString(), actor: 'hubspot', action: 'tenant.installed', recordId: null, detail: { definitionVersion: ready.definitionVersion, owners: ready.owners } }]);
    deps.logger.info({ crm: 'hubspot', tenant: portalId, definitionVersion: ready.definitionVersion }, 'portal installed Accord');
    page(res, 200, 'Accord is installed', `HubSpot portal ${portalId} is connected. Open a contact to see Accord's card.`);
  });
  return router;
}
