import http from 'node:http';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { callLogMiddleware } from './call-log-middleware';
import { CallLog } from './call-log';
import { createCrmState, type CrmState } from './crm-state';
import { FaultInjector, type ActiveFault } from './fault-injector';
import type { FaultSpec } from './fault-spec';
import { hubspotErrorHandler, hubspotNotFound } from './hubspot-error-handler';
import { createHubspotRoutes } from './hubspot-routes';
import { HubspotWebhookDelivery, type WebhookStats } from './hubspot-webhook-delivery';
import { HubspotWebhookSubscriptions } from './hubspot-webhook-subscriptions';
import { sandboxControlRoutes } from './sandbox-control-routes';
import { resolveSandboxOptions, type SandboxOptions } from './sandbox-options';
import { seedSandbox, type SeedData } from './seed-sandbox';
import { webhookEventFactory } from './to-hubspot-webhook-events';
import { salesforceControlRoutes } from './salesforce-control-routes';
import { salesforceErrorHandler, salesforceNotFound } from './salesforce-error-handler';
import { defaultOutboundFields } from './salesforce-outbound-fields';
import { SalesforceOutboundDelivery, type OutboundStats } from './salesforce-outbound-delivery';
import { createSalesforceRoutes } from './salesforce-routes';
import { seedAccounts } from './seed-accounts';
import { seedSalesforce } from './seed-salesforce';

export interface Sandbox {
  /** `http://127.0.0.1:PORT`: the `basePath` for `@hubspot/api-client`, and jsforce's login and instance URL. */
  url: string;
  port: number;
  /** The CRM's records, for tests to arrange and inspect directly (no HTTP, no webhooks unless a write emits them). */
  state: CrmState;
  /** What the seeder generated, when seeding was asked for. */
  seed: SeedData | null;
  close(): Promise<void>;
  setWebhookUrl(url: string | null): void;
  faults: {
    inject(spec: FaultSpec): ActiveFault | null;
    clear(): void;
    active(): ActiveFault[];
  };
  callLog: CallLog;
  webhooks: {
    stats(): WebhookStats;
    /** Resolves when every queued event was delivered or given up on. */
    idle(): Promise<void>;
  };
  resetRateLimits(): void;
  /** Where Salesforce outbound messages go (`…/webhooks/salesforce/<orgToken>`); null sends none. */
  setSalesforceOutboundUrl(url: string | null): void;
  salesforce: {
    outbound: {
      stats(): OutboundStats;
      /** Resolves when every queued notification was acknowledged or dropped. */
      idle(): Promise<void>;
    };
    /** Calls per `Sforce-Call-Options` client. */
    clients: ReadonlyMap<string, number>;
    /** Ends every session, so the next call must refresh its token. */
    expireSessions(): number;
  };
}

/** The workflow outbound message action sending leads to Accord. */
const outboundActionId = toSalesforceId18('04k5e000000Accr') ?? '04k5e000000Accr';

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the sandbox CRM on loopback: HubSpot's and Salesforce's APIs as Accord uses them, webhooks and outbound messages out, and `/_sandbox` controls. */
export async function startSandbox(input: SandboxOptions): Promise<Sandbox> {
  const options = resolveSandboxOptions(input);
  const { clock, logger } = options;
  const startedAt = clock();
  const state = createCrmState({
    hubspot: {
      portalId: options.portalId,
      appId: options.appId,
      accessToken: options.accessToken,
      clientSecret: options.clientSecret,
      clientId: options.clientId,
      preinstallAccordProperties: options.preinstallAccordProperties,
      clock,
    },
    salesforce: {
      orgId: options.salesforce.orgId,
      clientId: options.salesforce.clientId,
      clientSecret: options.salesforce.clientSecret,
      refreshToken: options.salesforce.refreshToken,
      sessionTtlMs: options.salesforce.sessionTtlMs,
      dailyApiLimit: options.salesforce.dailyApiLimit,
      accordFields: options.salesforce.accordFields,
      activityFields: options.salesforce.activityFields,
      clock,
    },
  });
  const seed = options.seed ? seedSandbox(state.hubspot, options.seed) : null;
  const salesforceUsers = seed ? seedSalesforce(state.salesforce, seed, { activityFields: options.salesforce.activityFields }) : null;
  if (seed && salesforceUsers && options.seed?.accounts) seedAccounts(state.hubspot, state.salesforce, seed.owners, salesforceUsers, options.seed.dataDir);

  const callLog = new CallLog();
  const faults = new FaultInjector(clock);
  const webhooks = new HubspotWebhookDelivery({
    clientSecret: options.clientSecret,
    webhookUrl: options.webhookUrl,
    batchMs: options.webhookBatchMs,
    maxBatch: options.webhookMaxBatch,
    maxConcurrent: options.webhookConcurrency,
    timeoutMs: options.webhookTimeoutMs,
    retryBaseMs: options.retryBaseMs,
    maxAttempts: options.webhookMaxAttempts,
    clock,
    logger,
  });
  const events = webhookEventFactory({
    portalId: options.portalId,
    appId: options.appId,
    subscriptions: new HubspotWebhookSubscriptions(options.subscribedProperties),
  });
  state.hubspot.contacts.onChange((change) => webhooks.enqueue(events.eventsFor(change)));

  let url = '';
  const sf = options.salesforce;
  const outbound = new SalesforceOutboundDelivery({
    url: sf.outboundUrl,
    envelope: () => ({ organizationId: state.salesforce.orgId, actionId: outboundActionId, baseUrl: url, apiVersion: '62.0' }),
    batchMs: sf.outboundBatchMs,
    maxBatch: sf.outboundMaxBatch,
    maxConcurrent: sf.outboundConcurrency,
    timeoutMs: sf.outboundTimeoutMs,
    retryBaseMs: sf.outboundRetryBaseMs,
    maxRetryDelayMs: sf.outboundMaxRetryDelayMs,
    maxAgeMs: sf.outboundMaxAgeMs,
    clock,
    logger,
  });
  const outboundFields = defaultOutboundFields.filter((name) => state.salesforce.leadFields().has(name.toLowerCase()));
  // The org's workflow: "Lead created, and every time it's edited" → the outbound message, with the record's values now.
  state.salesforce.leads.onChange((change) => {
    const record = state.salesforce.leads.find(change.id);
    if (!record) return;
    const fields = Object.fromEntries(outboundFields.map((name) => [name, record[name] ?? null]));
    outbound.enqueue({ notificationId: state.salesforce.newNotificationId(), recordId: change.id, fields });
  });

  const hubspotRoutes = createHubspotRoutes({
    state: state.hubspot,
    clock,
    faults,
    rateLimit: options.rateLimit,
    searchRateLimit: options.searchRateLimit,
  });
  const resetRateLimits = () => {
    hubspotRoutes.resetRateLimits();
    state.salesforce.apiUsage.reset();
  };
  const salesforceRoutes = createSalesforceRoutes({
    state: state.salesforce,
    clock,
    faults,
    queryBatchSize: sf.queryBatchSize,
    assignmentRule: sf.assignmentRule,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(callLogMiddleware(callLog));
  app.use(express.json({ limit: '10mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(
    '/_sandbox',
    sandboxControlRoutes({ hubspot: state.hubspot, callLog, faults, webhooks, resetRateLimits, clock, startedAt }),
  );
  app.use('/_sandbox/salesforce', salesforceControlRoutes({ state: state.salesforce, outbound, clients: salesforceRoutes.clients, clock }));
  app.use(hubspotRoutes.router);
  app.use(salesforceRoutes.router);
  app.use(salesforceNotFound);
  app.use(hubspotNotFound);
  app.use(salesforceErrorHandler(logger));
  app.use(hubspotErrorHandler(logger));

  const server = http.createServer(app);
  const port = await listen(server, options.port, options.host);
  url = `http://${options.host}:${port}`;
  logger.info({ url, portalId: options.portalId, contacts: state.hubspot.contacts.size }, 'sandbox CRM listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      webhooks.close();
      outbound.close();
      faults.dispose();
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets from SDK clients would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    url,
    port,
    state,
    seed,
    close,
    setWebhookUrl: (target) => webhooks.setUrl(target),
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
      active: () => faults.active(),
    },
    callLog,
    webhooks: { stats: () => webhooks.stats(), idle: () => webhooks.idle() },
    resetRateLimits,
    setSalesforceOutboundUrl: (target) => outbound.setUrl(target),
    salesforce: {
      outbound: { stats: () => outbound.stats(), idle: () => outbound.idle() },
      clients: salesforceRoutes.clients,
      expireSessions: () => state.salesforce.sessions.expireAll(),
    },
  };
}
