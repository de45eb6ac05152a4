import { systemClock, type Clock } from './clock';
import type { RateLimit } from './rolling-window-limiter';
import { silentLogger, type SandboxLogger } from './sandbox-logger';
import type { SeedOptions } from './seed-sandbox';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only. */
  host?: '127.0.0.1';
  /** Where webhooks go; null/absent: none are sent until `setWebhookUrl`. */
  webhookUrl?: string | null;
  /** Signs webhooks (v3) and authenticates the OAuth token endpoint. */
  clientSecret: string;
  /** Numeric app id, as a string; the `sourceId` of the app's own writes. */
  appId: string;
  /** OAuth client id; when absent any client id is accepted (the secret still has to match). */
  clientId?: string;
  portalId?: string;
  /** The app's static access token (private-app style); never expires. Default 'sandbox-token'. */
  accessToken?: string;
  /** true: 300 contacts from the data set; an object to choose; false/absent: an empty portal. */
  seed?: boolean | SeedOptions;
  /** Start as if Accord's install already created its properties. */
  preinstallAccordProperties?: boolean;
  /** Per access token; default 110 per 10 s (HubSpot's OAuth-app limit). null: unlimited. */
  rateLimit?: RateLimit | null;
  /** Search's own limit; default 5 per second. null: unlimited. */
  searchRateLimit?: RateLimit | null;
  webhookBatchMs?: number;
  webhookMaxBatch?: number;
  webhookConcurrency?: number;
  webhookTimeoutMs?: number;
  /** First retry delay; doubles per attempt. Default 100 ms. */
  retryBaseMs?: number;
  /** Deliveries per batch including the first; default 10 like HubSpot. */
  webhookMaxAttempts?: number;
  /** Properties with propertyChange subscriptions; default 'all'. */
  subscribedProperties?: readonly string[] | 'all';
  logger?: SandboxLogger;
  clock?: Clock;
  /** The Salesforce org beside the HubSpot portal. */
  salesforce?: SalesforceSandboxOptions;
}

export interface SalesforceSandboxOptions {
  /** 15- or 18-character organization id (00D…). */
  orgId?: string;
  /** The connected app's OAuth client. */
  clientId?: string;
  clientSecret?: string;
  /** The refresh token Accord's integration user granted the app. */
  refreshToken?: string;
  /** Access token lifetime; default 2 hours. */
  sessionTtlMs?: number;
  /** Daily API allocation; past it REST calls answer 403 REQUEST_LIMIT_EXCEEDED. */
  dailyApiLimit?: number;
  /** Records per query page; default 2,000 as in Salesforce (tests make it small to exercise queryMore). */
  queryBatchSize?: number;
  /** Accord's package deployed (its custom fields exist); default true. */
  accordFields?: boolean;
  /** Lead has the optional marketing fields; default true. */
  activityFields?: boolean;
  /** An active lead assignment rule (to the lead queue) runs on API writes lacking `Sforce-Auto-Assign: FALSE`; default true. */
  assignmentRule?: boolean;
  /** Outbound message endpoint; null/absent: none sent until `setSalesforceOutboundUrl`. */
  outboundUrl?: string | null;
  outboundBatchMs?: number;
  outboundMaxBatch?: number;
  outboundConcurrency?: number;
  outboundTimeoutMs?: number;
  /** First retry delay; doubles per attempt up to outboundMaxRetryDelayMs (Salesforce: up to 2 h). */
  outboundRetryBaseMs?: number;
  outboundMaxRetryDelayMs?: number;
  /** Undelivered notifications are dropped after this long (Salesforce: 24 h). */
  outboundMaxAgeMs?: number;
}

export type ResolvedSalesforceOptions = Required<Omit<SalesforceSandboxOptions, 'outboundUrl'>> & { outboundUrl: string | null };

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'seed' | 'clientId' | 'webhookUrl' | 'salesforce'>> & {
  seed: SeedOptions | null;
  clientId: string | undefined;
  webhookUrl: string | null;
  salesforce: ResolvedSalesforceOptions;
};

export const sandboxDefaults = {
  clientSecret: 'sandbox-client-secret',
  appId: '424242',
  accessToken: 'sandbox-token',
  portalId: '62515',
  salesforce: {
    orgId: '00D5e0000000AccEAE',
    clientId: 'sandbox-salesforce-client-id',
    clientSecret: 'sandbox-salesforce-client-secret',
    refreshToken: 'sandbox-salesforce-refresh-token',
  },
} as const;

function resolveSalesforceOptions(options: SalesforceSandboxOptions = {}): ResolvedSalesforceOptions {
  return {
    orgId: options.orgId ?? sandboxDefaults.salesforce.orgId,
    clientId: options.clientId ?? sandboxDefaults.salesforce.clientId,
    clientSecret: options.clientSecret ?? sandboxDefaults.salesforce.clientSecret,
    refreshToken: options.refreshToken ?? sandboxDefaults.salesforce.refreshToken,
    sessionTtlMs: options.sessionTtlMs ?? 2 * 60 * 60 * 1000,
    dailyApiLimit: options.dailyApiLimit ?? 100_000,
    queryBatchSize: options.queryBatchSize ?? 2000,
    accordFields: options.accordFields ?? true,
    activityFields: options.activityFields ?? true,
    assignmentRule: options.assignmentRule ?? true,
    outboundUrl: options.outboundUrl ?? null,
    outboundBatchMs: options.outboundBatchMs ?? 50,
    outboundMaxBatch: Math.min(options.outboundMaxBatch ?? 100, 100),
    outboundConcurrency: options.outboundConcurrency ?? 4,
    outboundTimeoutMs: options.outboundTimeoutMs ?? 10_000,
    outboundRetryBaseMs: options.outboundRetryBaseMs ?? 100,
    outboundMaxRetryDelayMs: options.outboundMaxRetryDelayMs ?? 5_000,
    outboundMaxAgeMs: options.outboundMaxAgeMs ?? 60_000,
  };
}

function assertNumericId(name: string, value: string): void {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be numeric (HubSpot ids are numbers), got '${value}'`);
}

export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const resolved: ResolvedSandboxOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    webhookUrl: options.webhookUrl ?? null,
    clientSecret: options.clientSecret,
    appId: options.appId,
    clientId: options.clientId,
    portalId: options.portalId ?? sandboxDefaults.portalId,
    accessToken: options.accessToken ?? sandboxDefaults.accessToken,
    seed: options.seed === true ? {} : options.seed ? options.seed : null,
    preinstallAccordProperties: options.preinstallAccordProperties ?? false,
    rateLimit: options.rateLimit === undefined ? { requests: 110, windowMs: 10_000 } : options.rateLimit,
    searchRateLimit: options.searchRateLimit === undefined ? { requests: 5, windowMs: 1_000 } : options.searchRateLimit,
    webhookBatchMs: options.webhookBatchMs ?? 50,
    webhookMaxBatch: Math.min(options.webhookMaxBatch ?? 100, 100),
    webhookConcurrency: options.webhookConcurrency ?? 10,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5_000,
    retryBaseMs: options.retryBaseMs ?? 100,
    webhookMaxAttempts: options.webhookMaxAttempts ?? 10,
    subscribedProperties: options.subscribedProperties ?? 'all',
    logger: options.logger ?? silentLogger(),
    clock: options.clock ?? systemClock,
    salesforce: resolveSalesforceOptions(options.salesforce),
  };
  if (resolved.host !== '127.0.0.1') throw new Error('the sandbox only listens on 127.0.0.1');
  if (!resolved.clientSecret) throw new Error('clientSecret is required: it signs the webhooks');
  assertNumericId('appId', resolved.appId);
  assertNumericId('portalId', resolved.portalId);
  return resolved;
}
