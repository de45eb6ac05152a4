import { randomUUID } from 'node:crypto';

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY';

// Exact messages matter: @hubspot/api-client's retry decorator matches on them.
const messages: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
};

/** The body HubSpot answers a 429 with (no `category`, but `errorType` and `policyName`). */
export function rateLimitErrorBody(policyName: RateLimitPolicy) {
  return {
    status: 'error' as const,
    message: messages[policyName],
    errorType: 'RATE_LIMIT' as const,
    correlationId: randomUUID(),
    policyName,
  };
}
