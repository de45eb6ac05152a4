import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/config-schema';
import { credentialsSealer } from '../../config/credentials-sealer';
import type { TenantConnection } from '../../core/crm-adapter';
import type { CrmKind, TenantRef } from '../../core/lead';
import type { Clock } from '../../pipeline/clock';
import { runBackfill } from '../../pipeline/run-backfill';
import type { CrmRuntime } from '../../pipeline/tenant-runtime';
import type { Store, TenantRecord } from '../../store/store';
import { HubspotTokenKeeper } from '../oauth/hubspot-token-keeper';
import { hubspotOauthRoutes } from '../oauth/hubspot-oauth-routes';
import type { GrantCheck } from '../oauth/grant-check';
import type { SalesforceInstalls } from '../oauth/salesforce-installs';
import { salesforceOauthRoutes } from '../oauth/salesforce-oauth-routes';
import type { SalesforceClientOptions } from '../../../adapters/salesforce/salesforce-client-options';
import type { CrmApiDeps } from './crm-api-deps';

export interface CrmApiWiringInput {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  runtime: CrmRuntime;
  publicUrl: () => string;
  /** Orgs installed through OAuth (SALESFORCE_OAUTH_INSTALL), with the app they install. */
  salesforce?: { installs: SalesforceInstalls; client: SalesforceClientOptions } | null;
}

export interface CrmApiWiring {
  crmApi: CrmApiDeps;
  oauthRoutes: Partial<Record<'hubspot' | 'salesforce', Router>>;
  /** Sealed OAuth credentials of a tenant, refreshed ahead of expiry; null for tenants on environment credentials. */
  oauthConnectionFor(tenant: TenantRecord): TenantConnection | null;
  /** Per CRM, the grant check of an OAuth install (the hourly install check). */
  grantChecks: Partial<Record<CrmKind, (tenant: TenantRef) => Promise<GrantCheck>>>;
  /** Waits for backfills and calibrations started by this process to finish (before the store closes). */
  drain(): Promise<void>;
}

/** Builds the CRM pages' API and the marketplace installs from the configuration (composition root helper). */
export function wireCrmApi(input: CrmApiWiringInput): CrmApiWiring {
  const { config, store, clock, logger, runtime } = input;
  const running = new Set<Promise<unknown>>();
  const sealer = config.ACCORD_SECRET_KEY ? credentialsSealer(config.ACCORD_SECRET_KEY) : null;
  const hubspotApiBase = config.HUBSPOT_BASE_PATH ?? 'https://api.hubapi.com';
  const oauthApp =
    sealer && config.ACCORD_SECRET_KEY && config.HUBSPOT_CLIENT_ID && config.HUBSPOT_CLIENT_SECRET
      ? { secretKey: config.ACCORD_SECRET_KEY, clientId: config.HUBSPOT_CLIENT_ID, clientSecret: config.HUBSPOT_CLIENT_SECRET }
      : null;
  const keeper =
    sealer && oauthApp
      ? new HubspotTokenKeeper({ store, sealer, clock, logger, apiBase: hubspotApiBase, clientId: oauthApp.clientId, clientSecret: oauthApp.clientSecret })
      : null;

  const crmApi: CrmApiDeps = {
    store,
    clock,
    logger,
    runtime,
    get publicUrl() {
      return input.publicUrl();
    },
    hubspot: config.HUBSPOT_CLIENT_SECRET ? { clientSecret: config.HUBSPOT_CLIENT_SECRET, appId: config.HUBSPOT_APP_ID ?? null } : null,
    startBackfill(ref: TenantRef, backfillId: string) {
      const work = runBackfill({ store, runtime, clock, logger }, ref, backfillId).catch((error: unknown) => {
        logger.error({ crm: ref.crm, tenant: ref.tenantId, backfillId, err: (error as Error).message }, 'backfill crashed');
      });
      running.add(work);
      void work.finally(() => running.delete(work));
    },
    channels: { sealer, allowLoopback: config.CHANNELS_ALLOW_LOOPBACK },
    runInBackground(work) {
      const done = work().catch((error: unknown) => logger.error({ err: (error as Error).message }, 'background work crashed'));
      running.add(done);
      void done.finally(() => running.delete(done));
    },
  };

  const oauthRoutes: CrmApiWiring['oauthRoutes'] = {};
  if (oauthApp && sealer) {
    let adapter;
    try {
      adapter = runtime.adapterFor('hubspot');
    } catch {
      adapter = null;
    }
    if (adapter) {
      oauthRoutes.hubspot = hubspotOauthRoutes({
        store,
        clock,
        logger,
        adapter,
        sealer,
        ...oauthApp,
        scopes: config.HUBSPOT_OAUTH_SCOPES ?? 'oauth',
        authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
        apiBase: hubspotApiBase,
        instanceUrl: config.HUBSPOT_BASE_PATH ?? null,
        get publicUrl() {
          return input.publicUrl();
        },
      });
    }
  }

  const salesforce = input.salesforce ?? null;
  if (salesforce && sealer && config.ACCORD_SECRET_KEY) {
    oauthRoutes.salesforce = salesforceOauthRoutes({
      store,
      clock,
      logger,
      adapter: runtime.adapterFor('salesforce'),
      installs: salesforce.installs,
      sealer,
      secretKey: config.ACCORD_SECRET_KEY,
      client: salesforce.client,
      scopes: config.SALESFORCE_OAUTH_SCOPES,
      get publicUrl() {
        return input.publicUrl();
      },
    });
  }

  const grantChecks: CrmApiWiring['grantChecks'] = {};
  if (keeper) grantChecks.hubspot = (tenant) => keeper.checkGrant(tenant);
  if (salesforce) grantChecks.salesforce = (tenant) => salesforce.installs.checkGrant(tenant);

  return {
    crmApi,
    oauthRoutes,
    grantChecks,
    oauthConnectionFor: (tenant) => {
      if (tenant.crm === 'hubspot') return keeper ? keeper.connectionFor(tenant) : null;
      return salesforce ? salesforce.installs.connectionFor(tenant) : null;
    },
    async drain() {
      await Promise.all([...running]);
    },
  };
}
