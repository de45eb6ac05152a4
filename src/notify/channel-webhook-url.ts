import type { ChannelTarget } from './channel-target';

/** Longest URL accepted: Slack and Teams webhook URLs are well under it. */
export const maxChannelUrlLength = 2048;

/** Where Teams posts arrive: classic incoming webhooks, and Workflows (Power Automate / Logic Apps) triggers. */
const teamsHostSuffixes = ['.webhook.office.com', '.logic.azure.com', '.powerplatform.com'];
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `url` cannot be a tenant's `kind` channel, or null when it can. Accord posts to it from the
 * server, so only the services' own hosts are accepted (anything else would let a tenant aim the
 * server at internal addresses); plain http on loopback only when the server runs against the sandbox.
 */
export function channelUrlProblem(kind: ChannelTarget['kind'], url: string, allowLoopback: boolean): string | null {
  if (url.length > maxChannelUrlLength) return `is longer than ${maxChannelUrlLength} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password';
  const host = parsed.hostname.toLowerCase();
  if (allowLoopback && parsed.protocol === 'http:' && loopbackHosts.has(host)) return null;
  if (parsed.protocol !== 'https:') return 'must start with https://';
  if (parsed.port !== '') return 'must not name a port';
  if (parsed.pathname.length <= 1) return 'is missing the webhook path';
  if (kind === 'slack') return host === 'hooks.slack.com' ? null : 'must be a Slack incoming webhook (https://hooks.slack.com/…)';
  return teamsHostSuffixes.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
    ? null
    : 'must be a Teams incoming webhook or Workflows URL (…webhook.office.com, …logic.azure.com or …powerplatform.com)';
}
