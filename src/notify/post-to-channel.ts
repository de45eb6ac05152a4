import type { Logger } from 'pino';
import type { ChannelTarget } from './channel-target';
import { redactWebhookUrl } from './redact-webhook-url';

export const defaultPostTimeoutMs = 5_000;

/**
 * POSTs one JSON message to a Slack or Teams webhook. One attempt, under a timeout: a channel that is
 * down must not hold up the sweep, and the next escalation or digest says the same again anyway, so
 * retrying would only flood it once it recovers. True when the channel accepted it.
 */
export async function postToChannel(target: ChannelTarget, payload: unknown, logger: Logger, timeoutMs = defaultPostTimeoutMs): Promise<boolean> {
  const where = { channel: target.kind, url: redactWebhookUrl(target.url) };
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect is refused, not followed: a channel's host was checked, wherever it points was not.
      redirect: 'manual',
    });
    // Drain the body so the connection is released; Slack answers "ok", Teams workflows 202 with nothing.
    await response.text().catch(() => '');
    if (response.ok) return true;
    logger.warn({ ...where, status: response.status }, 'the channel refused the message');
    return false;
  } catch (error) {
    // fetch errors can quote the URL: log the kind of failure only. Duck-typed, as the timeout is a
    // DOMException, which is not an Error of every realm.
    const name = (error as { name?: unknown } | null)?.name;
    const reason = name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : typeof name === 'string' ? name : 'unknown error';
    logger.warn({ ...where, err: reason }, 'posting to the channel failed');
    return false;
  }
}
