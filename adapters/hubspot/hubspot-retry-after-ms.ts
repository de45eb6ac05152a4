import { readHeader } from './read-header';

const waitByPolicy: Record<string, number> = {
  TEN_SECONDLY_ROLLING: 10_000,
  // Search API: 5 requests per second.
  SECONDLY: 1_000,
  // The daily quota resets at midnight in the account's time zone, which we do not know; look again in an hour.
  DAILY: 60 * 60 * 1000,
};
const defaultWaitMs = 10_000;

/** How long to wait after a HubSpot 429: `Retry-After` when sent, else by the limit's `policyName`. */
export function hubspotRetryAfterMs(headers: Record<string, string | string[] | undefined>, policyName: string | null, now: number): number {
  const retryAfter = readHeader(headers, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  return (policyName ? waitByPolicy[policyName] : undefined) ?? defaultWaitMs;
}
