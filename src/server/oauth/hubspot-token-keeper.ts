import type { Logger } from 'pino';
import type { CredentialsSealer } from '../../config/credentials-sealer';
import type { TenantConnection } from '../../core/crm-adapter';
import type { TenantRef } from '../../core/lead';
import type { Clock } from '../../pipeline/clock';
import type { Store, TenantRecord } from '../../store/store';
import { deactivateTenant } from './deactivate-tenant';
import { openHubspotCredentials, sealHubspotCredentials, type HubspotOauthCredentials } from './hubspot-oauth-credentials';
import type { GrantCheck } from './grant-check';
import { HubspotGrantRefusedError, hubspotRefreshTokenStands, requestHubspotTokens } from './hubspot-token-client';

/** Refresh this long before expiry: a batch started on an old token must not outlive it. */
export const refreshAheadMs = 10 * 60 * 1000;

export interface HubspotTokenKeeperOptions {
  store: Store;
  sealer: CredentialsSealer;
  clock: Clock;
  logger: Logger;
  apiBase: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Access tokens of OAuth-installed portals: decrypted from the tenant row, refreshed ahead of their
 * 30-minute expiry (the new ones sealed back into the row), and a refused refresh (uninstalled,
 * revoked) deactivates the tenant. `connectionFor` stays synchronous for the worker: it answers with
 * the newest token it holds and starts a refresh in the background when one is due.
 */
export class HubspotTokenKeeper {
  private readonly held = new Map<string, HubspotOauthCredentials>();
  private readonly refreshing = new Map<string, Promise<HubspotOauthCredentials | null>>();

  constructor(private readonly options: HubspotTokenKeeperOptions) {}

  /** Null when the tenant has no sealed OAuth credentials. */
  connectionFor(tenant: TenantRecord): TenantConnection | null {
    const key = tenant.tenantId;
    const stored = openHubspotCredentials(this.options.sealer, tenant.credentials);
    if (!stored) return null;
    const held = this.held.get(key);
    const newest = held && held.expiresAt >= stored.expiresAt ? held : stored;
    this.held.set(key, newest);
    if (newest.expiresAt - this.options.clock.now() < refreshAheadMs) {
      void this.refresh(tenant).catch((error: unknown) => {
        this.options.logger.warn({ crm: 'hubspot', tenant: key, err: (error as Error).message }, 'token refresh failed; retried on next use');
      });
    }
    return { crm: 'hubspot', tenantId: key, accessToken: newest.accessToken, instanceUrl: tenant.instanceUrl };
  }

  /** Refreshes once at a time per portal; null when HubSpot refused (the tenant is then inactive). */
  refresh(tenant: TenantRecord): Promise<HubspotOauthCredentials | null> {
    const key = tenant.tenantId;
    const running = this.refreshing.get(key);
    if (running) return running;
    const work = this.doRefresh(tenant).finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, work);
    return work;
  }

  /**
   * Uninstall detection without traffic: asks HubSpot whether the portal's refresh token still
   * stands, and deactivates the tenant (queue to the dead letters) when it does not.
   */
  async checkGrant(ref: TenantRef): Promise<GrantCheck> {
    const { store, sealer, clock, logger } = this.options;
    const tenant = await store.getTenant(ref);
    const current = tenant ? openHubspotCredentials(sealer, tenant.credentials) : null;
    if (!tenant || !current) return 'not-oauth';
    if (!tenant.active) return 'revoked';
    let stands: boolean;
    try {
      stands = await hubspotRefreshTokenStands(this.options.apiBase, current.refreshToken);
    } catch (error) {
      logger.warn({ crm: 'hubspot', tenant: ref.tenantId, err: (error as Error).message }, 'could not check the portal\'s grant; checked again later');
      return 'unknown';
    }
    if (stands) return 'active';
    const now = new Date(clock.now()).toISOString();
    const drained = await deactivateTenant(store, ref, `HubSpot portal ${ref.tenantId} uninstalled Accord (its refresh token is no longer valid)`, now);
    this.held.delete(ref.tenantId);
    logger.warn({ crm: 'hubspot', tenant: ref.tenantId, drained }, 'grant gone: tenant deactivated');
    return 'revoked';
  }

  private async doRefresh(tenant: TenantRecord): Promise<HubspotOauthCredentials | null> {
    const { store, sealer, clock, logger } = this.options;
    const ref: TenantRef = { crm: 'hubspot', tenantId: tenant.tenantId };
    const latest = (await store.getTenant(ref)) ?? tenant;
    const current = openHubspotCredentials(sealer, latest.credentials);
    if (!current) return null;
    try {
      const answer = await requestHubspotTokens(this.options.apiBase, {
        grant_type: 'refresh_token',
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        refresh_token: current.refreshToken,
      });
      const next: HubspotOauthCredentials = {
        kind: 'hubspot-oauth',
        accessToken: answer.accessToken,
        refreshToken: answer.refreshToken,
        expiresAt: clock.now() + answer.expiresInSeconds * 1000,
      };
      const now = new Date(clock.now()).toISOString();
      await store.upsertTenant({ ...latest, credentials: sealHubspotCredentials(sealer, next), updatedAt: now });
      this.held.set(tenant.tenantId, next);
      return next;
    } catch (error) {
      if (!(error instanceof HubspotGrantRefusedError)) throw error;
      const now = new Date(clock.now()).toISOString();
      const drained = await deactivateTenant(store, ref, `HubSpot portal ${tenant.tenantId} revoked Accord's access (uninstalled): ${error.message}`, now);
      this.held.delete(tenant.tenantId);
      logger.warn({ crm: 'hubspot', tenant: tenant.tenantId, drained }, 'refresh token refused: tenant deactivated');
      return null;
    }
  }
}
