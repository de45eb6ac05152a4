import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = z.string().trim().url('must be a URL such as http://127.0.0.1:3000');

/**
 * Every setting Accord reads from the environment. `.env.example` documents each one;
 * a test keeps the two in step.
 */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** The address the CRM calls. HubSpot signs this URL, so it must match what HubSpot was given. */
  PUBLIC_URL: url.optional(),
  DATABASE_URL: z.string().trim().min(1).default('file:./data/accord.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  HUBSPOT_ACCESS_TOKEN: optionalText,
  HUBSPOT_PORTAL_ID: z
    .string()
    .trim()
    .regex(/^\d*$/, 'must be the numeric HubSpot portal (hub) id')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_APP_ID: z
    .string()
    .trim()
    .regex(/^\d*$/, 'must be the numeric HubSpot app id')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  HUBSPOT_BASE_PATH: url.optional(),
  HUBSPOT_RATE_LIMIT_REQUESTS: positiveInt.default(110),
  HUBSPOT_RATE_LIMIT_WINDOW_MS: positiveInt.default(10_000),

  WORKER_BATCH_SIZE: positiveInt.max(10_000).default(1000),
  WORKER_POLL_MS: positiveInt.max(60_000).default(100),
  WORKER_MAX_ATTEMPTS: positiveInt.max(100).default(8),
  WORKER_LEASE_MS: positiveInt.min(10_000).default(300_000),
  OWNER_SYNC_CRON: z.string().trim().min(9).default('*/15 * * * *'),
});

export type Config = z.infer<typeof configSchema>;
