/**
 * A tenant's own team channels. The URLs arrive sealed (credentials sealer): their path is the
 * credential, so the store never holds one in clear.
 */
export interface ChannelSettingsRecord {
  /** Sealed Slack incoming-webhook URL; null when the tenant has none. */
  slackUrl: string | null;
  /** Sealed Teams incoming-webhook or workflow URL; null when the tenant has none. */
  teamsUrl: string | null;
  /** Who saved them, as "id <email>". */
  updatedBy: string;
  updatedAt: string;
}
