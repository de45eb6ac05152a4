import { z } from 'zod';
import { channelUrlProblem } from '../../notify/channel-webhook-url';
import type { ChannelTarget } from '../../notify/channel-target';

/** A channel in a PUT: a URL sets it, null or "" clears it, absent leaves it as it is. */
function channelUrl(kind: ChannelTarget['kind'], allowLoopback: boolean) {
  return z
    .string()
    .trim()
    .superRefine((url, ctx) => {
      const problem = url === '' ? null : channelUrlProblem(kind, url, allowLoopback);
      // The URL is a secret: the message names the rule, never echoes the value.
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `the ${kind === 'slack' ? 'Slack' : 'Teams'} webhook URL ${problem}` });
    })
    .transform((url) => (url === '' ? null : url))
    .nullable()
    .optional();
}

/** PUT /settings/channels (docs/crm-api.md; test/manifests/crm-api-schemas.ts is the normative copy). */
export function channelSettingsRequestSchema(allowLoopback: boolean) {
  return z
    .object({ slackWebhookUrl: channelUrl('slack', allowLoopback), teamsWebhookUrl: channelUrl('teams', allowLoopback) })
    .strict()
    .refine((body) => body.slackWebhookUrl !== undefined || body.teamsWebhookUrl !== undefined, { message: 'name slackWebhookUrl, teamsWebhookUrl or both' });
}
