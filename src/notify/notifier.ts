import type { Logger } from 'pino';
import type { TenantRef } from '../core/lead';
import type { SlackMessage } from '../core/notify/slack-message';
import type { TeamsMessage } from '../core/notify/teams-message';
import type { ChannelTarget } from './channel-target';
import { postToChannel } from './post-to-channel';

/** One message in each channel's own format: Slack blocks, a Teams Adaptive Card. */
export interface ChannelMessage {
  slack: SlackMessage;
  teams: TeamsMessage;
}

/** Where jobs send what the team should hear; no channels configured means nothing is sent. */
export interface Notifier {
  readonly enabled: boolean;
  /** Posts to every channel; returns how many accepted it. */
  send(message: ChannelMessage): Promise<number>;
  /** The notifier for one tenant's messages: its own channels when it set some, else these. */
  forTenant(ref: TenantRef): Promise<Notifier>;
}

/** The same channels for every tenant (the environment's, for single-tenant self-hosting). */
export function createNotifier(targets: readonly ChannelTarget[], logger: Logger, timeoutMs?: number): Notifier {
  const notifier: Notifier = {
    enabled: targets.length > 0,
    async send(message) {
      const results = await Promise.all(
        targets.map((target) => postToChannel(target, target.kind === 'slack' ? message.slack : message.teams, logger, timeoutMs)),
      );
      return results.filter(Boolean).length;
    },
    forTenant: async () => notifier,
  };
  return notifier;
}
