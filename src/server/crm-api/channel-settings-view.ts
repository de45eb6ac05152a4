import type { CredentialsSealer } from '../../config/credentials-sealer';
import { maskWebhookUrl, type MaskedWebhookUrl } from '../../notify/mask-webhook-url';
import type { ChannelSettingsRecord } from '../../store/channel-settings-record';
import { actorFromText, type Actor } from './actor';

/** GET / PUT …/settings/channels: which channels the tenant set, masked (the URLs are never sent back). */
export interface ChannelSettingsView {
  slack: MaskedWebhookUrl | null;
  teams: MaskedWebhookUrl | null;
  updatedBy: Actor | null;
  updatedAt: string | null;
}

export function channelSettingsView(stored: ChannelSettingsRecord | null, sealer: CredentialsSealer | null): ChannelSettingsView {
  if (stored === null) return { slack: null, teams: null, updatedBy: null, updatedAt: null };
  // One that no longer opens (ACCORD_SECRET_KEY rotated) is shown as unset: it must be saved again.
  const masked = (sealed: string | null) => {
    const url = sealed === null || sealer === null ? null : sealer.open(sealed);
    return url === null ? null : maskWebhookUrl(url);
  };
  return { slack: masked(stored.slackUrl), teams: masked(stored.teamsUrl), updatedBy: actorFromText(stored.updatedBy), updatedAt: stored.updatedAt };
}
