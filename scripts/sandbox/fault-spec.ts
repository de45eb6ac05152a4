import { z } from 'zod';

/**
 * A fault to inject into API answers (control endpoint `POST /_sandbox/faults` and `sandbox.faults.inject`).
 * Answers speak the dialect of the API hit: on Salesforce paths (`/services/…`) `rate_limit` and
 * `request_limit` are Salesforce's 403 REQUEST_LIMIT_EXCEEDED and `server_error` its error array;
 * elsewhere `rate_limit` is HubSpot's 429.
 */
export const faultSpecSchema = z.strictObject({
  mode: z.enum(['rate_limit', 'request_limit', 'server_error', 'latency', 'timeout', 'none']),
  /** How many matching requests get the fault; with neither count nor durationMs it lasts until cleared. */
  count: z.number().int().positive().optional(),
  durationMs: z.number().int().positive().optional(),
  latencyMs: z.number().int().nonnegative().optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** For server_error: 500 by default. */
  status: z.number().int().min(500).max(599).optional(),
  /** Route patterns (`/crm/v3/objects/contacts/batch/update`), `METHOD pattern` keys, or path prefixes. */
  paths: z.array(z.string().min(1)).optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;
