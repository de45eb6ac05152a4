import type { CredentialsSealer } from '../config/credentials-sealer';
import type { ChannelSettingsRecord } from '../store/channel-settings-record';
import type { ChannelTarget } from './channel-target';

/** The tenant's channels in clear; null when a stored URL does not open under this key. */
export function openChannelSettings(stored: Pick<ChannelSettingsRecord, 'slackUrl' | 'teamsUrl'>, sealer: CredentialsSealer): ChannelTarget[] | null {
  const targets: ChannelTarget[] = [];
  for (const [kind, sealed] of [['slack', stored.slackUrl], ['teams', stored.teamsUrl]] as const) {
    if (sealed === null) continue;
    const url = sealer.open(sealed);
    if (url === null) return null;
    targets.push({ kind, url });
  }
  return targets;
}
