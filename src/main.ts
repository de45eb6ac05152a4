import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { ScheduledTask } from 'node-cron';
import { createHubspotAdapter, readAccountPortalId } from '../adapters/hubspot/create-hubspot-adapter';
import type { CrmAdapter, TenantConnection } from './core/crm-adapter';
import type { CrmKind, TenantRef } from './core/lead';
import type { Config } from './config/config-schema';
import { hasHubspotCredentials, hasSalesforceCredentials } from './config/load-config';
import { connectSalesforce, type ConnectedSalesforce } from './connect-salesforce';
import { createLogger } from './logging/create-logger';
import { bootstrapTenant } from './pipeline/bootstrap-tenant';
import { defaultCrmCallPolicy } from './pipeline/call-crm';
import { systemClock, type Clock } from './pipeline/clock';
import { RollingWindowLimiter } from './pipeline/rolling-window-limiter';
import { startWorker, type RunningWorker } from './pipeline/start-worker';
import { tenantKey, type CrmRuntime } from './pipeline/tenant-runtime';
import { emptyWorkerStats, type WorkerStats } from './pipeline/worker-stats';
import { createApp } from './server/create-app';
import { openStore } from './store/open-store';
import type { Store, TenantRecord } from './store/store';
import { ownerSyncJob } from './jobs/owner-sync-job';
import { scheduleJob } from './jobs/schedule-job';
import { pruneProcessedKeysJob } from './jobs/prune-processed-keys-job';
import { reconcileAll, reconcileJob } from './jobs/reconcile-job';
import type { ChangeFeed } from './pipeline/change-feed';
import type { ReconcileResult } from './pipeline/reconcile-tenant';

export interface StartOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  extraRoutes?: (app: Express, accord: { store: Store }) => void;
  /** Scheduled jobs are off in short-lived runs (tests, one-off commands). */
  jobs?: boolean;
}

export interface RunningAccord {
  url: string;
  store: Store;
  worker: RunningWorker;
  stats: WorkerStats;
  tenants: TenantRef[];
  /** The outbound-message endpoint to configure in the Salesforce org; null without Salesforce. */
  salesforceOutboundUrl: string | null;
  /** Runs reconciliation now (what the scheduled job does): changes whose notification never arrived. */
  reconcile(): Promise<ReconcileResult[]>;
  stop(): Promise<void>;
}

/** The composition root: config → store → adapters → pipeline → server → jobs. */
export async function startAccord(options: StartOptions): Promise<RunningAccord> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const store = await openStore(config.DATABASE_URL);
  const stats = emptyWorkerStats();

  const adapters = new Map<CrmKind, CrmAdapter>();
  const limiters = new Map<string, RollingWindowLimiter>();
  const tenants: TenantRef[] = [];
  const hubspotToken = config.HUBSPOT_ACCESS_TOKEN;

  if (hasHubspotCredentials(config)) {
    const hubspot = createHubspotAdapter({
      clientSecret: config.HUBSPOT_CLIENT_SECRET as string,
      appId: config.HUBSPOT_APP_ID as string,
      basePath: config.HUBSPOT_BASE_PATH,
    });
    adapters.set('hubspot', hubspot);
  }

  let salesforce: ConnectedSalesforce | null = null;
  const feeds = new Map<CrmKind, ChangeFeed>();

  const runtime: CrmRuntime = {
    adapterFor(crm) {
      const adapter = adapters.get(crm);
      if (!adapter) throw new Error(`${crm} is not configured on this instance`);
      return adapter;
    },
    connectionFor(tenant: TenantRecord): TenantConnection {
      // A private-app token from the environment; OAuth installs will keep encrypted tokens on the tenant.
      if (tenant.crm === 'hubspot' && hubspotToken) {
        return { crm: 'hubspot', tenantId: tenant.tenantId, accessToken: hubspotToken, instanceUrl: tenant.instanceUrl };
      }
      if (tenant.crm === 'salesforce' && salesforce) return salesforce.connectionFor(tenant);
      throw new Error(`no credentials for ${tenant.crm} account ${tenant.tenantId}`);
    },
    limiterFor(ref) {
      const key = tenantKey(ref);
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter =
          ref.crm === 'salesforce'
            ? new RollingWindowLimiter(config.SALESFORCE_RATE_LIMIT_REQUESTS, config.SALESFORCE_RATE_LIMIT_WINDOW_MS, clock)
            : new RollingWindowLimiter(config.HUBSPOT_RATE_LIMIT_REQUESTS, config.HUBSPOT_RATE_LIMIT_WINDOW_MS, clock);
        limiters.set(key, limiter);
      }
      return limiter;
    },
  };

  const hubspot = adapters.get('hubspot') ?? null;
  if (hubspot && hubspotToken) {
    // GET /account-info/v3/details tells which portal a private-app token belongs to.
    const portalId = config.HUBSPOT_PORTAL_ID ?? (await readAccountPortalId(hubspotToken, config.HUBSPOT_BASE_PATH));
    const connection: TenantConnection = { crm: 'hubspot', tenantId: portalId, accessToken: hubspotToken, instanceUrl: config.HUBSPOT_BASE_PATH ?? null };
    const ready = await bootstrapTenant(store, hubspot, connection, { name: `HubSpot portal ${portalId}`, credentials: '', installFields: true }, new Date(clock.now()));
    tenants.push(ready.tenant);
    logger.info({ crm: 'hubspot', tenant: portalId, definitionVersion: ready.definitionVersion, owners: ready.owners }, 'tenant ready');
  }

  if (hasSalesforceCredentials(config)) {
    salesforce = await connectSalesforce(config, store, clock, logger);
    adapters.set('salesforce', salesforce.adapter);
    feeds.set('salesforce', salesforce.adapter);
    tenants.push(salesforce.tenant);
    logger.info({ crm: 'salesforce', tenant: salesforce.tenant.tenantId, definitionVersion: salesforce.definitionVersion, owners: salesforce.owners }, 'tenant ready');
  }

  const publicUrlFor = (port: number) => config.PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  let publicUrl = config.PUBLIC_URL ?? '';
  const app = createApp({
    store,
    hubspot,
    salesforce: adapters.get('salesforce') ?? null,
    clock,
    logger,
    get publicUrl() {
      return publicUrl;
    },
    extraRoutes: options.extraRoutes ? (a) => options.extraRoutes?.(a, { store }) : undefined,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  publicUrl = publicUrlFor(port);

  const worker = startWorker(
    { store, runtime, clock, logger, stats, callPolicy: defaultCrmCallPolicy },
    {
      workerId: `${hostname()}:${process.pid}`,
      batchSize: config.WORKER_BATCH_SIZE,
      maxAttempts: config.WORKER_MAX_ATTEMPTS,
      leaseMs: config.WORKER_LEASE_MS,
      pollMs: config.WORKER_POLL_MS,
    },
  );

  const tasks: ScheduledTask[] = [];
  if (options.jobs !== false) {
    const holder = `${hostname()}:${process.pid}`;
    const jobDeps = { store, clock, logger, holder };
    tasks.push(scheduleJob(ownerSyncJob({ store, runtime, clock, logger }, config.OWNER_SYNC_CRON), jobDeps));
    tasks.push(scheduleJob(pruneProcessedKeysJob({ store, clock, logger }), jobDeps));
    if (feeds.size > 0) tasks.push(scheduleJob(reconcileJob({ store, runtime, clock, logger, feeds }, config.SALESFORCE_RECONCILE_CRON), jobDeps));
  }

  const salesforceOutboundUrl = salesforce ? salesforce.outboundUrl(publicUrl) : null;
  if (salesforceOutboundUrl) {
    logger.info({ crm: 'salesforce', tenant: salesforce?.tenant.tenantId, endpoint: salesforceOutboundUrl }, 'Salesforce outbound message endpoint: set this URL on the org\'s Accord outbound message');
  }

  logger.info({ url: publicUrl, store: store.kind, crms: [...adapters.keys()] }, 'accord started');
  return {
    url: `http://${config.HOST}:${port}`,
    store,
    worker,
    stats,
    tenants,
    salesforceOutboundUrl,
    reconcile: () => reconcileAll({ store, runtime, clock, logger, feeds }),
    async stop() {
      tasks.forEach((t) => t.stop());
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.stop();
      await store.close();
    },
  };
}
