import type { Logger } from 'pino';
import type { CredentialsSealer } from '../config/credentials-sealer';
import type { Store } from '../store/store';
import type { ChannelTarget } from './channel-target';
import { createNotifier, type Notifier } from './notifier';
import { openChannelSettings } from './open-channel-settings';

export interface TenantNotifierDeps {
  store: Pick<Store, 'getChannelSettings'>;
  /** Opens the stored URLs; null when the server has no ACCORD_SECRET_KEY (then no tenant can have any). */
  sealer: CredentialsSealer | null;
  /** The environment's channels: for tenants that set none of their own. */
  fallback: readonly ChannelTarget[];
  logger: Logger;
  timeoutMs?: number;
}

/**
 * Each tenant's messages go to the channels it set in the settings page, and only there: a tenant
 * with channels of its own never posts to the environment's (another company's lead names would land
 * in the operator's channel). Tenants without settings keep the environment's channels.
 */
export function createTenantNotifier(deps: TenantNotifierDeps): Notifier {
  const fallback = createNotifier(deps.fallback, deps.logger, deps.timeoutMs);
  const nowhere = createNotifier([], deps.logger);
  return {
    enabled: fallback.enabled,
    send: (message) => fallback.send(message),
    async forTenant(ref) {
      const stored = await deps.store.getChannelSettings(ref);
      if (stored === null || (stored.slackUrl === null && stored.teamsUrl === null)) return fallback;
      const targets = deps.sealer === null ? null : openChannelSettings(stored, deps.sealer);
      if (targets === null) {
        // Sealed under another key (ACCORD_SECRET_KEY rotated): say so rather than post anywhere else.
        deps.logger.warn({ crm: ref.crm, tenant: ref.tenantId }, 'cannot open the tenant\'s channel settings; nothing is posted until they are saved again');
        return nowhere;
      }
      return createNotifier(targets, deps.logger, deps.timeoutMs);
    },
  };
}
