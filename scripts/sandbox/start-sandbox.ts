import http from 'node:http';
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

export interface Sandbox {
  /** `http://127.0.0.1:PORT`: the `basePath` for `@hubspot/api-client`. */
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
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the sandbox CRM on loopback: HubSpot's API as Accord uses it, webhooks out, and `/_sandbox` controls. */
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
  });
  const seed = options.seed ? seedSandbox(state.hubspot, options.seed) : null;

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

  const hubspotRoutes = createHubspotRoutes({
    state: state.hubspot,
    clock,
    faults,
    rateLimit: options.rateLimit,
    searchRateLimit: options.searchRateLimit,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(callLogMiddleware(callLog));
  app.use(express.json({ limit: '10mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(
    '/_sandbox',
    sandboxControlRoutes({ hubspot: state.hubspot, callLog, faults, webhooks, resetRateLimits: hubspotRoutes.resetRateLimits, clock, startedAt }),
  );
  app.use(hubspotRoutes.router);
  app.use(hubspotNotFound);
  app.use(hubspotErrorHandler(logger));

  const server = http.createServer(app);
  const port = await listen(server, options.port, options.host);
  const url = `http://${options.host}:${port}`;
  logger.info({ url, portalId: options.portalId, contacts: state.hubspot.contacts.size }, 'sandbox CRM listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      webhooks.close();
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
    resetRateLimits: hubspotRoutes.resetRateLimits,
  };
}
