import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import {
  exchangeSalesforceCode,
  salesforceAuthorizeUrl,
  SalesforceGrantRefusedError,
  salesforceOrgToken,
  SalesforceSetupError,
  type SalesforceSession,
} from '../../../adapters/salesforce';
import type { SalesforceClientOptions } from '../../../adapters/salesforce/salesforce-client-options';
import type { CredentialsSealer } from '../../config/credentials-sealer';
import type { CrmAdapter, TenantConnection } from '../../core/crm-adapter';
import { bootstrapTenant } from '../../pipeline/bootstrap-tenant';
import type { Clock } from '../../pipeline/clock';
import type { Store } from '../../store/store';
import { issueApiKey } from '../crm-api/api-key';
import { installPage } from './install-page';
import { oauthStateLifetimeMs, pkceChallenge, pkceVerifier, readOauthState, signOauthState } from './oauth-state';
import type { SalesforceInstalls } from './salesforce-installs';
import { sealSalesforceCredentials, type SalesforceOauthCredentials } from './salesforce-oauth-credentials';

export interface SalesforceOauthDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  adapter: CrmAdapter;
  installs: SalesforceInstalls;
  sealer: CredentialsSealer;
  /** ACCORD_SECRET_KEY: signs the state, derives the PKCE verifier and the outbound-message token. */
  secretKey: string;
  client: SalesforceClientOptions;
  scopes: string;
  readonly publicUrl: string;
}

const again = 'Start the install again from Salesforce (or open /oauth/salesforce/install).';

/**
 * The Salesforce install, mirroring HubSpot's: `/install` sends the admin to the org's consent screen
 * (web-server flow, PKCE S256, signed single-use state); `/callback` checks the state, trades the code
 * for a session, checks Accord's Lead fields before storing anything, keeps the session sealed, makes
 * the org ready (default definition, owners), and shows the outbound-message URL and the org's API
 * key once. Installing again updates the same tenant, reactivates it and replaces the key.
 */
export function salesforceOauthRoutes(deps: SalesforceOauthDeps): Router {
  const router = Router();
  const redirectUri = () => `${deps.publicUrl}/oauth/salesforce/callback`;

  router.get('/install', (_req, res) => {
    const state = signOauthState(deps.secretKey, 'salesforce', deps.clock.now());
    const nonce = readOauthState(deps.secretKey, 'salesforce', state, deps.clock.now())?.nonce as string;
    const challenge = pkceChallenge(pkceVerifier(deps.secretKey, nonce));
    res.redirect(302, salesforceAuthorizeUrl(deps.client, { redirectUri: redirectUri(), scope: deps.scopes, state, codeChallenge: challenge }));
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const now = deps.clock.now();
    const state = readOauthState(deps.secretKey, 'salesforce', text('state'), now);
    if (!state) return installPage(res, 400, 'Install link expired or invalid', ['The install state is missing, forged or older than 10 minutes.', again]);
    const first = await deps.store.useOauthState(state.nonce, new Date(now).toISOString(), new Date(state.expiresAt + oauthStateLifetimeMs).toISOString());
    if (!first) return installPage(res, 400, 'Install link already used', ['Each install link works once.', again]);
    if (text('error')) return installPage(res, 400, 'Install cancelled', [`Salesforce answered ${text('error')}: ${text('error_description') || 'no reason given'}.`, again]);
    if (!text('code')) return installPage(res, 400, 'Install cancelled', ['Salesforce sent no authorization code.', again]);

    let session: SalesforceSession;
    try {
      session = await exchangeSalesforceCode(deps.client, { code: text('code'), codeVerifier: pkceVerifier(deps.secretKey, state.nonce), redirectUri: redirectUri() });
    } catch (error) {
      const refused = error instanceof SalesforceGrantRefusedError;
      deps.logger.warn({ crm: 'salesforce', err: (error as Error).message }, 'Salesforce install: code exchange failed');
      return installPage(res, refused ? 400 : 502, refused ? 'Salesforce refused the install' : 'Salesforce did not answer', [(error as Error).message, again]);
    }

    const credentials: SalesforceOauthCredentials = { kind: 'salesforce-oauth', ...session };
    const connection: TenantConnection = { crm: 'salesforce', tenantId: session.organizationId, accessToken: session.accessToken, refreshToken: session.refreshToken, instanceUrl: session.instanceUrl };
    const nowIso = new Date(now).toISOString();
    try {
      // Lead describe: Accord's fields come with its package; without them nothing is stored.
      deps.installs.remember(credentials);
      await deps.adapter.install(connection);
    } catch (error) {
      const setup = error instanceof SalesforceSetupError;
      return installPage(res, setup ? 422 : 502, setup ? 'Accord\'s package is not deployed in this org' : 'Salesforce did not answer', [(error as Error).message, again]);
    }
    let ready;
    let apiKey: string;
    try {
      const sealed = sealSalesforceCredentials(deps.sealer, credentials);
      ready = await bootstrapTenant(deps.store, deps.adapter, connection, { name: `Salesforce org ${session.organizationId}`, credentials: sealed, installFields: false }, new Date(now));
      apiKey = await issueApiKey(deps.store, ready.tenant, nowIso);
      await deps.store.appendAudit([
        { tenant: ready.tenant, at: nowIso, actor: 'salesforce', action: 'tenant.installed', recordId: null, detail: { definitionVersion: ready.definitionVersion, owners: ready.owners, userId: session.userId } },
      ]);
    } catch (error) {
      deps.logger.error({ crm: 'salesforce', tenant: session.organizationId, err: (error as Error).message }, 'Salesforce install failed');
      return installPage(res, 502, 'Accord could not finish the install', [(error as Error).message, again]);
    }
    deps.logger.info({ crm: 'salesforce', tenant: session.organizationId, definitionVersion: ready.definitionVersion, owners: ready.owners }, 'org installed Accord');
    const outboundUrl = `${deps.publicUrl.replace(/\/+$/, '')}/webhooks/salesforce/${salesforceOrgToken(deps.secretKey, session.organizationId)}`;
    installPage(
      res,
      200,
      'Accord is installed',
      [
        `Salesforce org ${session.organizationId} is connected as user ${session.userId}; its leads are scored with definition version ${ready.definitionVersion} and routed among ${ready.owners} owners.`,
        'Two steps left in Setup: set the outbound message Accord_Lead_Changed\'s Endpoint URL to the address below, and paste the API key into the External Credential Accord_API (principal AccordOrg, parameter ApiKey).',
        'The key is shown only now. Installing again issues a new key and the old one stops working.',
      ],
      [
        { label: 'Outbound message endpoint URL', value: outboundUrl },
        { label: 'Accord API key', value: apiKey },
      ],
    );
  });
  return router;
}
