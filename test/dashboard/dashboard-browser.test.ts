import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TenantRef } from '../../src/core/lead';
import { parseCsv } from '../../src/core/parse-csv';
import { dashboardLinkUrl } from '../../src/server/dashboard/sign-dashboard-link';
import type { Store } from '../../src/store/store';
import { dashboardNow } from './seed-dashboard-store';
import { startDashboardApp, testSecretKey, type DashboardApp } from './start-dashboard-app';
import { describeWithChromium, launchChromium } from './use-chromium';

const artifacts = join(__dirname, '../../test-artifacts');

/**
 * The little of the page's DOM these tests read. This project's TypeScript has no DOM library, and
 * predicates must be functions, not strings: a string is eval'd in the page, which its CSP forbids.
 */
interface PageGlobals {
  document: {
    getElementById(id: string): { textContent: string | null } | null;
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): { length: number };
    documentElement: { scrollWidth: number };
  };
}

/** What the store holds, counted without the dashboard's code: each record's steps from its own history. */
async function expectedFunnel(store: Store, tenant: TenantRef, from: string, source?: string) {
  const start = Date.parse(`${from}T00:00:00Z`);
  const leads = (await store.listLeadFacts(tenant)).filter((f) => Date.parse(f.createdAt ?? '') >= start && (source === undefined || f.source === source));
  const reached = { mql: new Set<string>(), sales_ready: new Set<string>(), sql: new Set<string>() };
  for (const lead of leads) {
    for (const d of await store.decisionHistory(tenant, lead.recordId)) {
      const stage = d.acceptedAt ? 'sql' : d.stage;
      if (stage === 'mql' || stage === 'sales_ready' || stage === 'sql') reached.mql.add(lead.recordId);
      if (stage === 'sales_ready' || stage === 'sql') reached.sales_ready.add(lead.recordId);
      if (stage === 'sql') reached.sql.add(lead.recordId);
    }
  }
  return { created: leads.length, mql: reached.mql.size, salesReady: reached.sales_ready.size, sql: [...reached.sql].sort() };
}

async function tableText(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`[data-table="${id}"] tbody tr`, (rows) =>
    rows.map((row) => Array.from((row as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) => cell.textContent?.trim() ?? '')),
  );
}

/** Waits for the page to finish the load a filter change started. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as PageGlobals).document;
    return doc.getElementById('status')?.textContent === '' && doc.querySelector('[data-table="cohorts"]') !== null;
  });
}

/** A displayed number ("1,234", "27.3 %", "1.4 h") as the CSV writes it. */
function asCsv(shown: string): string {
  return shown.replace(/,/g, '').replace(/ (%|h|d)$/, '');
}

describeWithChromium('dashboard in Chromium', () => {
  let app: DashboardApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let origin: string;
  const problems: string[] = [];
  const requested: string[] = [];
  const from = '2026-08-23';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    app = await startDashboardApp();
    origin = new URL(app.url).origin;
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(dashboardLinkUrl(app.url, testSecretKey, app.seeded.tenant, dashboardNow));
    await settled(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads with the funnel the store holds, and says "won" has no data rather than zero', async () => {
    const expected = await expectedFunnel(app.store, app.seeded.tenant, from);

    expect(await page.textContent('[data-kpi="Leads created"] .value')).toBe(String(expected.created));
    const funnel = await tableText(page, 'funnel');
    expect(funnel.map((row) => row.slice(0, 2))).toEqual([
      ['Created', String(expected.created)],
      ['Marketing qualified (MQL)', String(expected.mql)],
      ['Sales ready', String(expected.salesReady)],
      ['Sales accepted (SQL)', String(expected.sql.length)],
      ['Won', 'no outcome data yet'],
    ]);
    expect(await page.textContent('[data-kpi="MQL → SQL"] .value')).toBe(`${((expected.sql.length / expected.mql) * 100).toFixed(1)} %`);
    expect(await page.textContent('[data-versions="funnel"]')).toBe('Definitions v1, v2');
    expect(await page.locator('#card-funnel canvas').count()).toBe(1);
  });

  it('narrows every number with a filter, keeping the signed link in the address', async () => {
    await page.selectOption('select[name="source"]', 'PAID_SEARCH');
    await settled(page);
    const expected = await expectedFunnel(app.store, app.seeded.tenant, from, 'PAID_SEARCH');

    expect((await tableText(page, 'funnel')).map((row) => row[1])).toEqual([
      String(expected.created),
      String(expected.mql),
      String(expected.salesReady),
      String(expected.sql.length),
      'no outcome data yet',
    ]);
    expect(await tableText(page, 'sources')).toHaveLength(1);
    const address = new URL(page.url());
    expect(address.searchParams.get('source')).toBe('PAID_SEARCH');
    expect(address.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('drills from a number to its leads, each linking to the CRM record', async () => {
    const expected = await expectedFunnel(app.store, app.seeded.tenant, from, 'PAID_SEARCH');
    await page.click('[data-table="funnel"] tbody tr:nth-child(4) button.num');
    await page.waitForFunction((n) => (globalThis as unknown as PageGlobals).document.querySelectorAll('#drill-table tbody tr').length === n, expected.sql.length);

    expect(await page.textContent('#drill-title')).toBe('Accepted by sales (SQL)');
    const listed = await page.$$eval('#drill-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-record') ?? ''));
    expect(listed.sort()).toEqual(expected.sql);
    const links = await page.$$eval('#drill-table tbody a', (anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    for (const [id, href, rel] of links) {
      expect(href).toBe(`http://127.0.0.1:4100/crm/v3/objects/contacts/${id}`);
      expect(rel).toBe('noopener noreferrer');
    }
    await page.click('#drill-close');
    expect(await page.locator('#drill').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
  });

  it('exports each table as a CSV that reads the same as the table', async () => {
    await page.selectOption('select[name="source"]', '');
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-csv="funnel"]')]);
    const funnelCsv = parseCsv(readFileSync((await download.path()) as string, 'utf8'));
    expect(download.suggestedFilename()).toBe(`accord-funnel-${from}-to-2026-11-20.csv`);
    expect(funnelCsv.slice(1).map((row) => row.slice(0, 4))).toEqual((await tableText(page, 'funnel')).map((row) => row.map(asCsv)));

    for (const id of ['speed', 'owners', 'sources', 'campaigns', 'rejections', 'cohorts']) {
      const href = (await page.getAttribute(`[data-csv="${id}"]`, 'href')) as string;
      const csv = parseCsv(await page.evaluate(async (url) => (await fetch(url)).text(), href));
      const shown = await tableText(page, id);
      expect([id, csv.slice(1).map((row) => row.slice(0, -1))]).toEqual([id, shown.map((row) => row.map(asCsv))]);
    }
  });

  it('shows what the page looks like (test-artifacts/dashboard.png), on a laptop, a phone and in the dark', async () => {
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
    for (const [name, options] of [
      ['dashboard-phone.png', { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 }],
      ['dashboard-dark.png', { colorScheme: 'dark' as const }],
    ] as const) {
      const other = await launchChromium(options);
      try {
        const view = await other.context.newPage();
        view.on('pageerror', (error) => problems.push(`page error (${name}): ${error.message}`));
        await view.goto(dashboardLinkUrl(app.url, testSecretKey, app.seeded.tenant, dashboardNow));
        await settled(view);
        if (name === 'dashboard-phone.png') {
          // Nothing but tables may scroll sideways on a phone.
          expect(await view.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
        await view.screenshot({ path: join(artifacts, name), fullPage: true });
      } finally {
        await other.close();
      }
    }
  });

  it('explains an expired link instead of showing numbers', async () => {
    const expired = await browser.context.newPage();
    const response = await expired.goto(dashboardLinkUrl(app.url, testSecretKey, app.seeded.tenant, dashboardNow - 20 * 60_000));
    expect(response?.status()).toBe(401);
    expect(await expired.textContent('body')).toMatch(/has expired; open the dashboard again from the CRM/);
    await expired.close();
  });

  it('logged no console error and asked nothing of any server but Accord', () => {
    expect(problems).toEqual([]);
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
