import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = z.string().trim().url('must be a URL such as http://127.0.0.1:3000');
/** Unset when empty, as a copied .env.example leaves it. */
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(url.optional())
  .optional();
/** A Salesforce id with the given key prefix, 15 or 18 characters; empty = unset. */
const salesforceId = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(${prefix}[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?)?$`), `must be the ${what} (${prefix}…, 15 or 18 characters)`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

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
  /** The public app's OAuth client id: `/oauth/hubspot/install` sends admins to HubSpot's consent screen with it. */
  HUBSPOT_CLIENT_ID: optionalText,
  /** Scopes asked for on install, space-separated: the manifest's required scopes. */
  HUBSPOT_OAUTH_SCOPES: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .default('oauth crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.read crm.schemas.contacts.write crm.objects.owners.read crm.objects.companies.read'),
  /** HubSpot's consent screen; the sandbox CRM serves its own. */
  HUBSPOT_AUTHORIZE_URL: url.default('https://app.hubspot.com/oauth/authorize'),

  /** Derives each Salesforce org's outbound-message endpoint token and encrypts stored tokens; ≥ 32 characters. */
  ACCORD_SECRET_KEY: z
    .string()
    .trim()
    .refine((v) => v === '' || v.length >= 32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),

  SALESFORCE_LOGIN_URL: url.default('https://login.salesforce.com'),
  SALESFORCE_INSTANCE_URL: optionalUrl,
  SALESFORCE_CLIENT_ID: optionalText,
  SALESFORCE_CLIENT_SECRET: optionalText,
  SALESFORCE_REFRESH_TOKEN: optionalText,
  SALESFORCE_ORG_ID: salesforceId('00D', 'organization id'),
  SALESFORCE_INTEGRATION_USER_ID: salesforceId('005', "integration user's id"),
  SALESFORCE_API_VERSION: z.string().trim().regex(/^\d{2,3}\.0$/, 'must be an API version such as 62.0').default('62.0'),
  /** `Role name=Team;Other role=Team`: routing teams for roles not named after a sales team. */
  SALESFORCE_ROLE_TEAMS: optionalText,
  SALESFORCE_RATE_LIMIT_REQUESTS: positiveInt.default(100),
  SALESFORCE_RATE_LIMIT_WINDOW_MS: positiveInt.default(10_000),
  SALESFORCE_RECONCILE_CRON: z.string().trim().min(9).default('*/10 * * * *'),
  /** `true`: orgs install Accord through OAuth (`/oauth/salesforce/install`), any number of them, each with its own tokens. */
  SALESFORCE_OAUTH_INSTALL: z
    .enum(['true', 'false', ''], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Scopes asked for on install, space-separated (the External Client App's `Api, RefreshToken`). */
  SALESFORCE_OAUTH_SCOPES: z.string().trim().min(1).default('api refresh_token'),

  WORKER_BATCH_SIZE: positiveInt.max(10_000).default(1000),
  WORKER_POLL_MS: positiveInt.max(60_000).default(100),
  WORKER_MAX_ATTEMPTS: positiveInt.max(100).default(8),
  WORKER_LEASE_MS: positiveInt.min(10_000).default(300_000),
  OWNER_SYNC_CRON: z.string().trim().min(9).default('*/15 * * * *'),
  /** When won and lost deals changed since the last run are read into the scoreboard's lead facts. */
  OUTCOME_SYNC_CRON: z.string().trim().min(9).default('23 * * * *'),

  /** Team channels for SLA escalations, the weekly digest and funnel alerts (secret URLs; never logged whole). */
  SLACK_WEBHOOK_URL: optionalUrl,
  TEAMS_WEBHOOK_URL: optionalUrl,
  /** `true` only against the sandbox CRM: tenants' channel settings may then be plain http on loopback. */
  CHANNELS_ALLOW_LOOPBACK: z
    .enum(['true', 'false', ''], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;
