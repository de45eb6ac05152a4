import { Writable } from 'node:stream';
import pino from 'pino';
import type { TenantRef } from '../../src/core/lead';
import type { DashboardSummary } from '../../src/metrics/build-dashboard-summary';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import { tableToCsv } from '../../src/metrics/table-to-csv';
import { signDashboardLink } from '../../src/server/dashboard/sign-dashboard-link';
import { decisionAt, facts } from '../metrics/make-timeline';
import { dashboardNow } from './seed-dashboard-store';
import { startDashboardApp, testSecretKey, type DashboardApp } from './start-dashboard-app';

const otherTenant: TenantRef = { crm: 'hubspot', tenantId: '77300559' };

describe('dashboard API', () => {
  let app: DashboardApp;
  const logLines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = await startDashboardApp({}, {}, pino({ level: 'info' }, sink));
    // A second portal on the same Accord, with three leads of its own.
    await app.store.upsertTenant({ ...otherTenant, name: 'Other portal', active: true, credentials: '', instanceUrl: null, installedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    const at = new Date(dashboardNow - 86_400_000).toISOString();
    await app.store.commitDecisions(
      otherTenant,
      ['b1', 'b2', 'b3'].map((id) => ({ decision: { ...decisionAt(id, at, { stage: 'mql' }), tenantId: otherTenant.tenantId }, writtenFields: [] })),
      {},
      [],
    );
    await app.store.upsertLeadFacts(otherTenant, ['b1', 'b2', 'b3'].map((id) => facts(id, { createdAt: at, source: 'OTHER_PORTAL_SOURCE' })), at);
  });
  afterAll(() => app.stop());

  function signed(path: string, params: Record<string, string> = {}, tenant: TenantRef = app.seeded.tenant, exp = dashboardNow / 1000 + 600): string {
    const query = new URLSearchParams({ ...signDashboardLink(testSecretKey, tenant, exp), ...params });
    return `${app.url}/dashboard${path}?${query.toString()}`;
  }

  async function json<T>(url: string): Promise<T> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it('serves the summary of the signed tenant, counted as the store says', async () => {
    const summary = await json<DashboardSummary & { tenant: { name: string } }>(signed('/api/summary'));

    const from = Date.parse('2026-08-23T00:00:00Z');
    const inRange = app.seeded.facts.filter((f) => Date.parse(f.createdAt ?? '') >= from);
    expect(summary.tenant.name).toBe('Sandbox Hardware (demo)');
    expect(summary.filters).toEqual({ from: '2026-08-23', to: '2026-11-20' });
    expect(summary.headline.created.value).toBe(inRange.length);
    expect(summary.tables.map((t) => t.id)).toEqual(['funnel', 'speed', 'owners', 'sources', 'campaigns', 'rejections', 'cohorts']);
    expect(summary.options.sources.map((o) => o.value)).not.toContain('OTHER_PORTAL_SOURCE');
  });

  it('lists the leads behind a number, each linking to its CRM record', async () => {
    const summary = await json<DashboardSummary>(signed('/api/summary', { source: 'PAID_SEARCH' }));
    const sql = summary.tables[0]!.rows[3]!.leads!;
    const result = await json<{ total: number; label: string; table: DashboardTable }>(signed('/api/leads', { source: 'PAID_SEARCH', drill: sql.drill! }));

    expect(result.label).toBe('Accepted by sales (SQL)');
    expect(result.total).toBe(sql.value);
    for (const row of result.table.rows) {
      expect(row.source?.value).toBe('PAID_SEARCH');
      expect(row.url?.value).toBe(`http://127.0.0.1:4100/crm/v3/objects/contacts/${row.record?.value}`);
      expect(row.sql?.value).not.toBe('');
    }
    const limited = await json<{ truncated: boolean; table: DashboardTable }>(signed('/api/leads', { drill: 'all/created', limit: '5' }));
    expect(limited.truncated).toBe(true);
    expect(limited.table.rows).toHaveLength(5);
  });

  it('exports every table as the CSV of the table the summary returns', async () => {
    const summary = await json<DashboardSummary>(signed('/api/summary', { region: 'East' }));
    for (const table of summary.tables) {
      const response = await fetch(signed(`/api/export/${table.id}.csv`, { region: 'East' }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="accord-${table.id}-2026-08-23-to-2026-11-20.csv"`);
      expect(await response.text()).toBe(tableToCsv(table));
    }
    const breached = summary.tables.find((t) => t.id === 'speed')!.rows[2]!.breached!;
    const leads = (await (await fetch(signed('/api/export/leads.csv', { region: 'East', drill: breached.drill! }))).text()).split('\r\n');
    expect(leads[0]).toBe(
      'Record,CRM link,Stage now,Score,Owner,Source,Campaign,Region,Created (UTC),Accepted by sales (UTC),SLA,Rejection reason,Outcome,Definition,Definition versions',
    );
    expect(leads.slice(1, -1)).toHaveLength(Number(breached.value));
    expect(leads.slice(1, -1).every((line) => line.includes(',East,') && line.includes(',breached,'))).toBe(true);
  });

  it('shows each tenant only its own numbers, whatever the query says', async () => {
    const other = await json<DashboardSummary>(signed('/api/summary', {}, otherTenant));
    expect(other.headline.created.value).toBe(3);
    expect(other.options.sources.map((o) => o.value)).toEqual(['OTHER_PORTAL_SOURCE']);

    const theirs = await json<{ table: DashboardTable }>(signed('/api/leads', { drill: 'all/created' }, otherTenant));
    expect(theirs.table.rows.map((r) => r.record?.value).sort()).toEqual(['b1', 'b2', 'b3']);

    // Tenant B's signature with tenant A's name in the link.
    const swapped = signed('/api/summary', {}, otherTenant).replace('tenant=hubspot%3A77300559', 'tenant=hubspot%3A62515');
    const refused = await fetch(swapped);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'link_invalid', message: expect.stringMatching(/not valid/) });
  });

  it('refuses missing, expired and unknown-tenant links before reading anything', async () => {
    const missing = await fetch(`${app.url}/dashboard/api/summary`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toBe('link_invalid');

    const expired = await fetch(signed('/api/summary', {}, app.seeded.tenant, dashboardNow / 1000 - 1));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: string }).error).toBe('link_expired');

    const page = await fetch(signed('/', {}, app.seeded.tenant, dashboardNow / 1000 - 1));
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/expired; open the dashboard again from the CRM/);

    const unknown = await fetch(signed('/api/summary', {}, { crm: 'salesforce', tenantId: '00D000000000001' }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('unknown_tenant');
  });

  it('answers a bad filter or drill with 400 and an unknown table with 404', async () => {
    expect((await fetch(signed('/api/summary', { from: 'yesterday' }))).status).toBe(400);
    expect((await fetch(signed('/api/leads', { drill: 'all/everything' }))).status).toBe(400);
    expect((await fetch(signed('/api/leads'))).status).toBe(400);
    expect((await fetch(signed('/api/export/secrets.csv'))).status).toBe(404);
    expect((await fetch(signed('/api/export/funnel.json'))).status).toBe(404);
  });

  it('serves the page shell, with a policy that allows no inline code and no other origin', async () => {
    const response = await fetch(signed('/'));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<title>Accord scoreboard · Sandbox Hardware (demo)</title>');
    expect(html).toContain('src="/dashboard/assets/chart.umd.js"');
    expect(html).not.toMatch(/<script>|<style>|style="|https?:\/\//);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves Chart.js and the page assets from the package itself, without a link', async () => {
    const chart = await fetch(`${app.url}/dashboard/assets/chart.umd.js`);
    const body = await chart.text();
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(body).toContain('window.Chart=');
    expect(body).not.toContain('sourceMappingURL');
    expect((await fetch(`${app.url}/dashboard/assets/dashboard.js`)).status).toBe(200);
    expect((await fetch(`${app.url}/dashboard/assets/dashboard.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${app.url}/dashboard/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('logs each request with its request id and tenant, and nothing personal or secret', async () => {
    logLines.length = 0;
    const response = await fetch(signed('/api/leads', { drill: 'all/sql' }), { headers: { 'x-request-id': 'req-dashboard-1' } });
    expect(response.headers.get('x-request-id')).toBe('req-dashboard-1');
    await response.json();
    await fetch(signed('/api/summary', {}, app.seeded.tenant, dashboardNow / 1000 - 1));

    const done = logLines.find((l) => l.msg === 'dashboard request');
    expect(done).toMatchObject({ requestId: 'req-dashboard-1', tenant: 'hubspot:62515', path: '/dashboard/api/leads', status: 200 });
    expect(logLines.find((l) => l.msg === 'dashboard access refused')).toMatchObject({ status: 401, error: 'link_expired', claimedTenant: 'hubspot:62515' });
    for (const line of logLines) expect(typeof line.requestId).toBe('string');
    const text = JSON.stringify(logLines);
    expect(text).not.toMatch(/@|sig=|[0-9a-f]{64}/);
  });
});

describe('dashboard in the demo (loopback, no link)', () => {
  let app: DashboardApp;
  beforeAll(async () => {
    app = await startDashboardApp({ access: { mode: 'loopback', tenant: { crm: 'hubspot', tenantId: '62515' } } }, { contacts: 30 });
  });
  afterAll(() => app.stop());

  it('serves this machine without a signature', async () => {
    const response = await fetch(`${app.url}/dashboard/api/summary?from=2026-01-01`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as DashboardSummary).headline.created.value).toBe(30);
  });

  it('refuses a request whose Host is not this machine (a rebound name)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/dashboard/api/summary`, { headers: { host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
