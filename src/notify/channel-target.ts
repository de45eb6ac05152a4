/** A team channel Accord posts to: a Slack incoming webhook, or a Teams incoming webhook / workflow URL. */
export interface ChannelTarget {
  kind: 'slack' | 'teams';
  url: string;
}

/** The configured channels; each URL is a secret (its path is the credential), so it is never logged whole. */
export function channelTargetsOf(config: { SLACK_WEBHOOK_URL?: string | undefined; TEAMS_WEBHOOK_URL?: string | undefined }): ChannelTarget[] {
  const targets: ChannelTarget[] = [];
  if (config.SLACK_WEBHOOK_URL) targets.push({ kind: 'slack', url: config.SLACK_WEBHOOK_URL });
  if (config.TEAMS_WEBHOOK_URL) targets.push({ kind: 'teams', url: config.TEAMS_WEBHOOK_URL });
  return targets;
}
