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
import { hasHubspotCredentials, hasHubspotOauthApp, hasSalesforceCredentials, hasSalesforceOauthApp } from './config/load-config';
import { connectSalesforce, createSalesforceAppAdapter, salesforceClientOptions, type ConnectedSalesforce } from './connect-salesforce';
import { credentialsSealer } from './config/credentials-sealer';
import { SalesforceInstalls } from './server/oauth/salesforce-installs';
import { checkInstalls, installCheckJob, type InstallCheckResult } from './jobs/install-check-job';
import { queuedBackfillJob } from './jobs/queued-backfill-job';
import { runQueuedBackfills } from './pipeline/run-backfill';
import { createLogger } from './logging/create-logger';
import { bootstrapTenant } from './pipeline/bootstrap-tenant';
import { defaultCrmCallPolicy } from './pipeline/call-crm';
import { systemClock, type Clock } from './pipeline/clock';
import { defaultLimiterPacing, RollingWindowLimiter } from './pipeline/rolling-window-limiter';
import { startWorker, type RunningWorker } from './pipeline/start-worker';
import { tenantKey, type CrmRuntime } from './pipeline/tenant-runtime';
import { emptyWorkerStats, type WorkerStats } from './pipeline/worker-stats';
import { createApp } from './server/create-app';
import { wireCrmApi, type CrmApiWiring } from './server/crm-api/wire-crm-api';
import type { DashboardAccess } from './server/dashboard/dashboard-access';
import { createAccordMetrics, type AccordMetrics } from './metrics/accord-metrics';
import { openStore } from './store/open-store';
import type { Store, TenantRecord } from './store/store';
import { ownerSyncJob } from './jobs/owner-sync-job';
import { scheduleJob } from './jobs/schedule-job';
import { pruneProcessedKeysJob } from './jobs/prune-processed-keys-job';
import { reconcileAll, reconcileJob } from './jobs/reconcile-job';
import { slaSweepJob, sweepAllSlas } from './jobs/sla-sweep-job';
import { decayRescoreJob, rescoreAllDecayed } from './jobs/decay-rescore-job';
import { sendDueDigests, weeklyDigestJob } from './jobs/weekly-digest-job';
import { funnelAlertJob } from './jobs/funnel-alert-job';
import { outcomeSyncJob } from './jobs/outcome-sync-job';
import { channelTargetsOf } from './notify/channel-target';
import { createTenantNotifier } from './notify/tenant-notifier';
import type { SlaSweepResult } from './pipeline/sweep-tenant-slas';
import type { DigestRecord } from './store/store';
import type { ChangeFeed } from './pipeline/change-feed';
import type { ReconcileResult } from './pipeline/reconcile-tenant';
import { boundHeapGrowth } from './bound-heap-growth';

export interface StartOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  extraRoutes?: (app: Express, accord: { store: Store }) => void;
  /** Scheduled jobs are off in short-lived runs (tests, one-off commands). */
  jobs?: boolean;
  /** Who may open /dashboard; default: links signed with ACCORD_SECRET_KEY when it is set. */
  dashboardAccess?: DashboardAccess;
}

export interface RunningAccord {
  url: string;
  store: Store;
  worker: RunningWorker;
  stats: WorkerStats;
  tenants: TenantRef[];
  metrics: AccordMetrics;
  /** How this instance reaches each tenant's CRM (credentials, rate limits): for one-off commands such as `accord backfill`. */
  runtime: CrmRuntime;
  logger: Logger;
  /** The outbound-message endpoint to configure in the Salesforce org; null without Salesforce. */
  salesforceOutboundUrl: string | null;
  /** Runs reconciliation now (what the scheduled job does): changes whose notification never arrived. */
  reconcile(): Promise<ReconcileResult[]>;
  /** Checks every OAuth installation's grant now (the hourly job): uninstalled accounts are deactivated. */
  checkInstalls(): Promise<InstallCheckResult>;
  /** Starts backfills still queued now (the minutely job), e.g. published with `accord definition publish`; returns their ids. */
  runQueuedBackfills(): Promise<string[]>;
  /** The loop's scheduled jobs, run now (what their schedules do): for the demo, tests and operators. */
  loop: {
    sweepSlas(): Promise<SlaSweepResult[]>;
    /** Queues leads whose stage decayed; returns how many. */
    rescoreDecayed(): Promise<number>;
    sendDueDigests(): Promise<DigestRecord[]>;
  };
  stop(): Promise<void>;
}

/** The composition root: config → store → adapters → pipeline → server → jobs. */
export async function startAccord(options: StartOptions): Promise<RunningAccord> {
  boundHeapGrowth();
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const store = await openStore(config.DATABASE_URL);
  const stats = emptyWorkerStats();
  const metrics = createAccordMetrics();

  const adapters = new Map<CrmKind, CrmAdapter>();
  const limiters = new Map<string, RollingWindowLimiter>();
  const tenants: TenantRef[] = [];
  const hubspotToken = config.HUBSPOT_ACCESS_TOKEN;

  // A private-app token, or a public app that portals install through OAuth (/oauth/hubspot/install).
  if (hasHubspotCredentials(config) || hasHubspotOauthApp(config)) {
    const hubspot = createHubspotAdapter({
      clientSecret: config.HUBSPOT_CLIENT_SECRET as string,
      appId: config.HUBSPOT_APP_ID as string,
      basePath: config.HUBSPOT_BASE_PATH,
    });
    adapters.set('hubspot', hubspot);
  }

  let salesforce: ConnectedSalesforce | null = null;
  const feeds = new Map<CrmKind, ChangeFeed>();

  // Set just before the server starts (it needs the runtime); declared here so connectionFor can read it without a TDZ error.
  // eslint-disable-next-line prefer-const
  let crmApiWiring: CrmApiWiring | undefined;
  const runtime: CrmRuntime = {
    adapterFor(crm) {
      const adapter = adapters.get(crm);
      if (!adapter) throw new Error(`${crm} is not configured on this instance`);
      return adapter;
    },
    connectionFor(tenant: TenantRecord): TenantConnection {
      // OAuth installs keep sealed tokens on the tenant; otherwise a private-app token from the environment.
      const installed = crmApiWiring?.oauthConnectionFor(tenant);
      if (installed) return installed;
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
            ? new RollingWindowLimiter(config.SALESFORCE_RATE_LIMIT_REQUESTS, config.SALESFORCE_RATE_LIMIT_WINDOW_MS, clock, defaultLimiterPacing)
            : new RollingWindowLimiter(config.HUBSPOT_RATE_LIMIT_REQUESTS, config.HUBSPOT_RATE_LIMIT_WINDOW_MS, clock, defaultLimiterPacing);
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

  // Orgs installed through OAuth (any number), served by the same adapter as the org in the environment, if any.
  const salesforceInstalls = hasSalesforceOauthApp(config)
    ? new SalesforceInstalls({ store, sealer: credentialsSealer(config.ACCORD_SECRET_KEY as string), clock, logger, client: salesforceClientOptions(config) })
    : null;
  if (salesforceInstalls) logger.info({ crm: 'salesforce', installed: await salesforceInstalls.load() }, 'OAuth-installed orgs');
  if (hasSalesforceCredentials(config)) {
    salesforce = await connectSalesforce(config, store, clock, logger, salesforceInstalls);
    tenants.push(salesforce.tenant);
    logger.info({ crm: 'salesforce', tenant: salesforce.tenant.tenantId, definitionVersion: salesforce.definitionVersion, owners: salesforce.owners }, 'tenant ready');
  }
  const salesforceAdapter = salesforce?.adapter ?? (salesforceInstalls ? createSalesforceAppAdapter(config, salesforceInstalls) : null);
  if (salesforceAdapter) {
    const watched = salesforceInstalls ? salesforceInstalls.watch(salesforceAdapter) : salesforceAdapter;
    adapters.set('salesforce', watched);
    feeds.set('salesforce', watched);
  }

  const publicUrlFor = (port: number) => config.PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  let publicUrl = config.PUBLIC_URL ?? '';
  crmApiWiring = wireCrmApi({
    config,
    store,
    clock,
    logger,
    runtime,
    publicUrl: () => publicUrl,
    salesforce: salesforceInstalls ? { installs: salesforceInstalls, client: salesforceClientOptions(config) } : null,
  });
  const installCheckDeps = { store, logger, checks: crmApiWiring.grantChecks };
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
    crmApi: crmApiWiring.crmApi,
    oauthRoutes: crmApiWiring.oauthRoutes,
    metrics,
    dashboardAccess: options.dashboardAccess ?? (config.ACCORD_SECRET_KEY ? { mode: 'signed', secretKey: config.ACCORD_SECRET_KEY } : null),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  publicUrl = publicUrlFor(port);

  const worker = startWorker(
    { store, runtime, clock, logger, stats, metrics, callPolicy: defaultCrmCallPolicy },
    {
      workerId: `${hostname()}:${process.pid}`,
      batchSize: config.WORKER_BATCH_SIZE,
      maxAttempts: config.WORKER_MAX_ATTEMPTS,
      leaseMs: config.WORKER_LEASE_MS,
      pollMs: config.WORKER_POLL_MS,
    },
  );

  const notifier = createTenantNotifier({
    store,
    sealer: config.ACCORD_SECRET_KEY ? credentialsSealer(config.ACCORD_SECRET_KEY) : null,
    fallback: channelTargetsOf(config),
    logger,
  });
  const loopDeps = { store, runtime, clock, logger, notifier };
  const tasks: ScheduledTask[] = [];
  if (options.jobs !== false) {
    const holder = `${hostname()}:${process.pid}`;
    const jobDeps = { store, clock, logger, holder };
    tasks.push(scheduleJob(ownerSyncJob({ store, runtime, clock, logger }, config.OWNER_SYNC_CRON), jobDeps));
    tasks.push(scheduleJob(pruneProcessedKeysJob({ store, clock, logger }), jobDeps));
    if (feeds.size > 0) tasks.push(scheduleJob(reconcileJob({ store, runtime, clock, logger, feeds }, config.SALESFORCE_RECONCILE_CRON), jobDeps));
    tasks.push(scheduleJob(slaSweepJob(loopDeps), jobDeps));
    tasks.push(scheduleJob(decayRescoreJob(loopDeps), jobDeps));
    tasks.push(scheduleJob(weeklyDigestJob(loopDeps), jobDeps));
    tasks.push(scheduleJob(funnelAlertJob(loopDeps), jobDeps));
    tasks.push(scheduleJob(outcomeSyncJob({ store, runtime, clock, logger }, config.OUTCOME_SYNC_CRON), jobDeps));
    tasks.push(scheduleJob(installCheckJob(installCheckDeps), jobDeps));
    tasks.push(scheduleJob(queuedBackfillJob({ store, runtime, clock, logger }), jobDeps));
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
    metrics,
    runtime,
    logger,
    salesforceOutboundUrl,
    reconcile: () => reconcileAll({ store, runtime, clock, logger, feeds }),
    checkInstalls: () => checkInstalls(installCheckDeps),
    runQueuedBackfills: () => runQueuedBackfills({ store, runtime, clock, logger }),
    loop: {
      sweepSlas: () => sweepAllSlas(loopDeps),
      rescoreDecayed: () => rescoreAllDecayed(loopDeps),
      sendDueDigests: () => sendDueDigests(loopDeps),
    },
    async stop() {
      tasks.forEach((t) => t.stop());
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await crmApiWiring.drain();
      await worker.stop();
      await store.close();
    },
  };
}
