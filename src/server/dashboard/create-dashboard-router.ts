import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { rejectionReasonLabels, type RejectionReason } from '../../core/rejection-reasons';
import { buildDashboardSummary } from '../../metrics/build-dashboard-summary';
import { describeDrill } from '../../metrics/describe-drill';
import { drillMembers, parseDrill } from '../../metrics/drill';
import { filterTimelines, type DashboardFilters } from '../../metrics/dashboard-filters';
import { leadsTable } from '../../metrics/leads-table';
import { tableToCsv } from '../../metrics/table-to-csv';
import type { Clock } from '../../pipeline/clock';
import type { Store, TenantRecord } from '../../store/store';
import { checkDashboardAccess, type DashboardAccess } from './dashboard-access';
import { dashboardAssets } from './dashboard-assets';
import { dashboardDataLoader } from './dashboard-data-loader';
import { dashboardPage } from './dashboard-page';
import { parseDashboardFilters } from './parse-dashboard-filters';
import { recordUrl as defaultRecordUrl } from './record-url';
import { parseTenantParam, tenantParam } from './tenant-param';

export interface DashboardDeps {
  store: Pick<Store, 'getTenant' | 'listDecisionHistory' | 'listLeadFacts' | 'listOwners'>;
  clock: Pick<Clock, 'now'>;
  logger: Logger;
  access: DashboardAccess;
  /** How long one tenant's history is reused across requests (default 10 s; 0 reads it every time). */
  cacheMs?: number;
  /** Where a lead opens in its CRM (default: HubSpot contact record / Salesforce Lightning lead). */
  recordUrl?: (tenant: TenantRecord, recordId: string) => string;
  /** Origins allowed to frame the page (CSP frame-ancestors); by default only Accord itself. */
  frameAncestors?: string[];
}

/** The most leads a drill-down returns as JSON; its CSV has them all. */
const maxListedLeads = 500;

interface Located {
  tenant: TenantRecord;
  log: Logger;
}

/**
 * The scoreboard, mounted at /dashboard: the page, its assets, and the JSON and CSV API it reads
 * (`/api/summary`, `/api/leads?drill=…`, `/api/export/<table>.csv`), which settings pages can reuse.
 * Every request except the static assets proves its tenant (see DashboardAccess) before anything is read.
 */
export function createDashboardRouter(deps: DashboardDeps): Router {
  const router = express.Router();
  const now = () => deps.clock.now();
  const load = dashboardDataLoader(deps.store, deps.cacheMs ?? 10_000, now);
  const urlOf = deps.recordUrl ?? defaultRecordUrl;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${deps.frameAncestors?.join(' ') || "'self'"}`,
  ].join('; ');

  router.use((_req, res, next) => {
    // no-referrer: the signed link is in the page's URL, and CRM record links must not carry it away.
    res.set({ 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  router.get('/assets/:file', dashboardAssets());

  router.use(async (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const requestLog: Logger = res.locals.log ?? deps.logger.child({ requestId: randomUUID() });
    const access = checkDashboardAccess(deps.access, req, now());
    if (!access.ok) {
      // The tenant the link claims, unproven: enough to tell whose CRM is sending stale links.
      const claimed = parseTenantParam(req.query.tenant);
      requestLog.warn(
        { path: req.baseUrl + req.path, status: access.status, error: access.error, claimedTenant: claimed === null ? null : tenantParam(claimed) },
        'dashboard access refused',
      );
      refuse(req, res, access.status, access.error, access.message);
      return;
    }
    const log = requestLog.child({ tenant: tenantParam(access.tenant) });
    res.locals.log = log;
    const tenant = await deps.store.getTenant(access.tenant);
    if (tenant === null) {
      log.warn({ path: req.baseUrl + req.path }, 'dashboard for a tenant that is not installed');
      refuse(req, res, 404, 'unknown_tenant', 'this CRM account is not connected to Accord');
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ path: req.baseUrl + req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'dashboard request');
    });
    (res.locals as { dashboard?: Located }).dashboard = { tenant, log };
    next();
  });

  router.get('/', (req, res) => {
    res.type('html').send(dashboardPage(req.baseUrl, located(res).tenant));
  });

  router.get('/api/summary', withFilters(async (_req, res, filters) => {
    const { tenant } = located(res);
    const data = await load(tenant, filters.version);
    const summary = buildDashboardSummary({ ...data, filters, now: now() });
    res.json({ tenant: { crm: tenant.crm, tenantId: tenant.tenantId, name: tenant.name }, ...summary });
  }));

  router.get('/api/leads', withFilters(async (req, res, filters) => {
    const table = await drillTable(req, res, filters);
    if (table === null) return;
    const limit = Math.min(Math.max(Number(req.query.limit) || maxListedLeads, 1), maxListedLeads);
    res.json({ drill: req.query.drill, label: table.title, total: table.rows.length, truncated: table.rows.length > limit, table: { ...table, rows: table.rows.slice(0, limit) } });
  }));

  router.get('/api/export/:file', withFilters(async (req, res, filters) => {
    const match = /^([a-z]+)\.csv$/.exec(String(req.params.file));
    const name = match?.[1];
    let table;
    if (name === 'leads') {
      table = await drillTable(req, res, filters);
      if (table === null) return;
    } else {
      const { tenant } = located(res);
      const summary = buildDashboardSummary({ ...(await load(tenant, filters.version)), filters, now: now() });
      table = summary.tables.find((t) => t.id === name);
    }
    if (table === undefined) {
      res.status(404).json({ error: 'not_found', message: `no table "${String(req.params.file)}"; tables: funnel, speed, owners, sources, campaigns, rejections, cohorts, leads` });
      return;
    }
    const filename = `accord-${table.id}-${filters.from}-to-${filters.to}.csv`;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${filename}"`).send(tableToCsv(table));
  }));

  function withFilters(handler: (req: Request, res: Response, filters: DashboardFilters) => Promise<void>): RequestHandler {
    return async (req, res, next) => {
      const parsed = parseDashboardFilters(req.query as Record<string, unknown>, now());
      if (!parsed.ok) {
        res.status(400).json({ error: 'bad_request', message: parsed.message });
        return;
      }
      try {
        await handler(req, res, parsed.filters);
      } catch (error) {
        next(error);
      }
    };
  }

  async function drillTable(req: Request, res: Response, filters: DashboardFilters) {
    const drill = typeof req.query.drill === 'string' ? parseDrill(req.query.drill) : null;
    if (drill === null) {
      res.status(400).json({ error: 'bad_request', message: 'drill must name the number clicked, as the summary gives it (e.g. all/mql)' });
      return null;
    }
    const { tenant } = located(res);
    const data = await load(tenant, filters.version);
    const members = drillMembers(filterTimelines(data.timelines, filters), drill, now());
    const reasonLabel = (r: string) => rejectionReasonLabels[r as RejectionReason] ?? r;
    return leadsTable(members, {
      title: describeDrill(drill, data.ownerName, reasonLabel),
      now: now(),
      ownerName: data.ownerName,
      recordUrl: (id) => urlOf(tenant, id),
    });
  }

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const log: Logger = res.locals.log ?? deps.logger;
    log.error({ path: req.baseUrl + req.path, err: error instanceof Error ? error.message : String(error) }, 'dashboard request failed');
    refuse(req, res, 500, 'internal', 'the dashboard could not be computed; try again');
  };
  router.use(onError);
  return router;
}

function located(res: Response): Located {
  const found = (res.locals as { dashboard?: Located }).dashboard;
  if (found === undefined) throw new Error('dashboard route reached without a tenant');
  return found;
}

/** JSON for the API; a short page for a person who opened the link in a browser. */
function refuse(req: Request, res: Response, status: number, error: string, message: string): void {
  if (req.path.startsWith('/api/')) {
    res.status(status).json({ error, message });
    return;
  }
  res.status(status).type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Accord</title></head><body><h1>Accord scoreboard</h1><p>${message.replace(/[<>&]/g, '')}.</p></body></html>`);
}
