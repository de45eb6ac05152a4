import type { Logger } from 'pino';
import { refreshSalesforceGrant, SalesforceGrantRefusedError, SalesforceSessionRejectedError, toSalesforceId18, type SalesforceTokens } from '../../../adapters/salesforce';
import type { SalesforceClientOptions } from '../../../adapters/salesforce/salesforce-client-options';
import type { CredentialsSealer } from '../../config/credentials-sealer';
import type { CrmAdapter, TenantConnection } from '../../core/crm-adapter';
import type { TenantRef } from '../../core/lead';
import type { Clock } from '../../pipeline/clock';
import type { Store, TenantRecord } from '../../store/store';
import { deactivateTenant } from './deactivate-tenant';
import type { GrantCheck } from './grant-check';
import { openSalesforceCredentials, sealSalesforceCredentials, type SalesforceOauthCredentials } from './salesforce-oauth-credentials';

export interface SalesforceInstallsOptions {
  store: Store;
  sealer: CredentialsSealer;
  clock: Clock;
  logger: Logger;
  client: SalesforceClientOptions;
}

/**
 * The orgs that installed Accord through OAuth, any number of them: their sealed sessions, the user
 * each authorized Accord as (its writes are Accord's own), refreshed tokens sealed back into the
 * tenant row, and the grant check — a refused refresh (`invalid_grant`: revoked, uninstalled)
 * deactivates the org and dead-letters its queue.
 */
export class SalesforceInstalls {
  private readonly users = new Map<string, string>();
  private readonly held = new Map<string, SalesforceOauthCredentials>();
  private readonly checking = new Map<string, Promise<GrantCheck>>();

  constructor(private readonly options: SalesforceInstallsOptions) {}

  /** Learns every installed org's user at start, so echoes of Accord's writes are recognised on arrival. */
  async load(): Promise<number> {
    let count = 0;
    for (const tenant of await this.options.store.listTenants('salesforce')) {
      const credentials = openSalesforceCredentials(this.options.sealer, tenant.credentials);
      if (credentials) {
        this.users.set(credentials.organizationId, credentials.userId);
        count += 1;
      }
    }
    return count;
  }

  /** A fresh install (or reinstall): its tokens replace whatever this process held. */
  remember(credentials: SalesforceOauthCredentials): void {
    this.users.set(credentials.organizationId, credentials.userId);
    this.held.set(credentials.organizationId, credentials);
  }

  integrationUserId(organizationId: string): string | null {
    return this.users.get(toSalesforceId18(organizationId) ?? organizationId) ?? null;
  }

  /** The org's session; null when the tenant was not installed through OAuth. */
  connectionFor(tenant: TenantRecord): TenantConnection | null {
    const stored = openSalesforceCredentials(this.options.sealer, tenant.credentials);
    if (!stored) return null;
    this.users.set(stored.organizationId, stored.userId);
    const held = this.held.get(stored.organizationId);
    // Same grant: the held tokens may be a refresh newer than the row. Another grant (a reinstall): the row wins.
    const current = held && held.refreshToken === stored.refreshToken ? held : stored;
    this.held.set(stored.organizationId, current);
    return { crm: 'salesforce', tenantId: tenant.tenantId, accessToken: current.accessToken, refreshToken: current.refreshToken, instanceUrl: current.instanceUrl };
  }

  /** jsforce refreshed an expired session on a 401: keep the new tokens, sealed, with the tenant. */
  tokensRefreshed(organizationId: string, tokens: SalesforceTokens): void {
    const previous = this.held.get(organizationId);
    if (!previous) return;
    const next = { ...previous, accessToken: tokens.accessToken, instanceUrl: tokens.instanceUrl || previous.instanceUrl, refreshToken: tokens.refreshToken ?? previous.refreshToken };
    this.held.set(organizationId, next);
    this.persist(next).catch((error: unknown) => {
      this.options.logger.error({ crm: 'salesforce', tenant: organizationId, err: error instanceof Error ? error.message : String(error) }, 'could not store refreshed Salesforce tokens');
    });
  }

  /**
   * Asks Salesforce for a new session with the org's refresh token: the grant stands (the new session
   * is kept), is gone (the org is deactivated), or the answer was no answer (unknown: nothing changes).
   * One check at a time per org.
   */
  checkGrant(tenant: TenantRef): Promise<GrantCheck> {
    const running = this.checking.get(tenant.tenantId);
    if (running) return running;
    const work = this.doCheck(tenant).finally(() => this.checking.delete(tenant.tenantId));
    this.checking.set(tenant.tenantId, work);
    return work;
  }

  /**
   * The adapter, watched: when an org's session is refused even after jsforce's refresh, the grant is
   * checked at once, so a revoked install is deactivated on its first failed call rather than after
   * every queued event has used up its retries.
   */
  watch<A extends CrmAdapter>(adapter: A): A {
    return new Proxy(adapter, {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          const connection = args[0] as Partial<TenantConnection> | undefined;
          if (!(result instanceof Promise) || connection?.crm !== 'salesforce' || typeof connection.tenantId !== 'string') return result;
          const ref: TenantRef = { crm: 'salesforce', tenantId: connection.tenantId };
          return result.catch(async (error: unknown) => {
            if (error instanceof SalesforceSessionRejectedError) await this.checkGrant(ref);
            throw error;
          });
        };
      },
    });
  }

  private async doCheck(ref: TenantRef): Promise<GrantCheck> {
    const { store, sealer, clock, logger } = this.options;
    const tenant = await store.getTenant(ref);
    const stored = tenant ? openSalesforceCredentials(sealer, tenant.credentials) : null;
    if (!tenant || !stored) return 'not-oauth';
    if (!tenant.active) return 'revoked';
    try {
      // POST {loginUrl}/services/oauth2/token (grant_type=refresh_token), through the adapter.
      const session = await refreshSalesforceGrant(this.options.client, stored.refreshToken);
      const next: SalesforceOauthCredentials = { ...stored, accessToken: session.accessToken, refreshToken: session.refreshToken, instanceUrl: session.instanceUrl };
      this.held.set(stored.organizationId, next);
      await this.persist(next);
      return 'active';
    } catch (error) {
      if (!(error instanceof SalesforceGrantRefusedError)) {
        logger.warn({ crm: 'salesforce', tenant: ref.tenantId, err: error instanceof Error ? error.message : String(error) }, 'could not check the org\'s grant; checked again later');
        return 'unknown';
      }
      const reason = `Salesforce org ${ref.tenantId} revoked Accord's access (refresh token refused: ${error.message}); install Accord again to reconnect`;
      const drained = await deactivateTenant(store, ref, reason, new Date(clock.now()).toISOString());
      this.held.delete(stored.organizationId);
      logger.warn({ crm: 'salesforce', tenant: ref.tenantId, drained }, 'refresh token refused: tenant deactivated');
      return 'revoked';
    }
  }

  private async persist(credentials: SalesforceOauthCredentials): Promise<void> {
    const ref: TenantRef = { crm: 'salesforce', tenantId: credentials.organizationId };
    const row = await this.options.store.getTenant(ref);
    const stored = row ? openSalesforceCredentials(this.options.sealer, row.credentials) : null;
    // A reinstall since (another grant) or an org moved to environment credentials: not ours to overwrite.
    if (!row || !stored || stored.refreshToken !== credentials.refreshToken) return;
    await this.options.store.upsertTenant({
      ...row,
      credentials: sealSalesforceCredentials(this.options.sealer, credentials),
      instanceUrl: credentials.instanceUrl,
      updatedAt: new Date(this.options.clock.now()).toISOString(),
    });
  }
}
