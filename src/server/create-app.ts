import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { CrmAdapter } from '../core/crm-adapter';
import type { Store } from '../store/store';
import type { Clock } from '../pipeline/clock';
import { hubspotWebhookRoute } from './hubspot-webhook-route';
import { salesforceWebhookErrors, salesforceWebhookRoute } from './salesforce-webhook-route';
import { healthRoute } from './health-route';
import type { CrmApiDeps } from './crm-api/crm-api-deps';
import { mountCrmApi } from './crm-api/mount-crm-api';
import { createDashboardRouter } from './dashboard/create-dashboard-router';
import type { DashboardAccess } from './dashboard/dashboard-access';
import type { AccordMetrics } from '../metrics/accord-metrics';
import { metricsRoute } from '../metrics/metrics-route';

export interface AppDeps {
  store: Store;
  hubspot: CrmAdapter | null;
  salesforce: CrmAdapter | null;
  clock: Clock;
  logger: Logger;
  /** Scheme + host the CRM calls; signatures cover the full URL as the CRM saw it. */
  publicUrl: string;
  /** Extra routes (the demo's lead list) mounted after the core ones. */
  extraRoutes?: (app: Express) => void;
  /** The record card / settings API (`/api/{crm}`); absent in apps built without a CRM runtime. */
  crmApi?: CrmApiDeps;
  /** Marketplace installs, by CRM (`/oauth/hubspot`, `/oauth/salesforce`). */
  oauthRoutes?: Partial<Record<'hubspot' | 'salesforce', Router>>;
  metrics: AccordMetrics;
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`. */
  metricsBearerToken?: string;
  /** Who may open /dashboard: links signed with ACCORD_SECRET_KEY, or (demo) this machine only; null = off. */
  dashboardAccess: DashboardAccess | null;
}

/** Webhooks are small: HubSpot batches are ≤ 100 events, Salesforce messages ≤ 100 notifications. Anything larger is refused before parsing. */
export const maxWebhookBodyBytes = 1024 * 1024;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req, res, next) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 64)) || randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.locals.log = deps.logger.child({ requestId });
    next();
  });

  app.get('/health', healthRoute(deps));
  app.get('/metrics', metricsRoute(deps.metrics, deps.store, { now: () => deps.clock.now(), bearerToken: deps.metricsBearerToken }));
  if (deps.dashboardAccess) {
    app.use('/dashboard', createDashboardRouter({ store: deps.store, clock: deps.clock, logger: deps.logger, access: deps.dashboardAccess }));
  }
  if (deps.hubspot) {
    app.post('/webhooks/hubspot', express.raw({ type: () => true, limit: maxWebhookBodyBytes }), hubspotWebhookRoute(deps, deps.hubspot));
  }
  if (deps.salesforce) {
    const path = '/webhooks/salesforce/:orgToken';
    app.post(path, express.raw({ type: () => true, limit: maxWebhookBodyBytes }), salesforceWebhookRoute(deps, deps.salesforce));
    app.use(path, salesforceWebhookErrors);
  }
  if (deps.crmApi) mountCrmApi(app, deps.crmApi);
  for (const [crm, router] of Object.entries(deps.oauthRoutes ?? {})) if (router) app.use(`/oauth/${crm}`, router);
  deps.extraRoutes?.(app);

  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${req.path}` });
  });
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 413) {
      res.status(413).json({ error: 'payload_too_large', message: `body is larger than ${maxWebhookBodyBytes} bytes` });
      return;
    }
    if (status < 500) {
      res.status(status).json({ error: 'bad_request', message: error instanceof Error ? error.message : 'bad request' });
      return;
    }
    (res.locals.log ?? deps.logger).error({ err: error instanceof Error ? error.message : String(error) }, 'request failed');
    res.status(500).json({ error: 'internal', message: 'internal error; the request was not applied' });
  };
  app.use(onError);
  return app;
}
