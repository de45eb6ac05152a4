import type { TenantRecord } from '../../store/store';
import { escapeHtml } from '../escape-html';

const crmNames = { hubspot: 'HubSpot portal', salesforce: 'Salesforce org' } as const;

/**
 * The page shell: the script fills it from the JSON API, so the page and the API can never show
 * different numbers. No inline script or style, so the Content-Security-Policy can forbid both.
 */
export function dashboardPage(base: string, tenant: Pick<TenantRecord, 'crm' | 'tenantId' | 'name'>): string {
  const b = escapeHtml(base);
  const select = (name: string, label: string, all: string) =>
    `<label class="field"><span>${label}</span><select name="${name}"><option value="">${all}</option></select></label>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Accord scoreboard · ${escapeHtml(tenant.name)}</title>
<link rel="stylesheet" href="${b}/assets/dashboard.css">
<script src="${b}/assets/chart.umd.js" defer></script>
<script src="${b}/assets/dashboard.js" defer></script>
</head>
<body data-base="${b}">
<header class="top">
  <div class="brand"><span class="mark" aria-hidden="true">A</span><div><strong>Accord</strong><span class="tagline">One scoreboard for marketing and sales</span></div></div>
  <div class="tenant"><span>${escapeHtml(tenant.name)}</span><small>${crmNames[tenant.crm]} ${escapeHtml(tenant.tenantId)}</small></div>
</header>
<main>
  <form id="filters" class="filters" autocomplete="off">
    <label class="field"><span>From</span><input type="date" name="from" required></label>
    <label class="field"><span>To</span><input type="date" name="to" required></label>
    ${select('source', 'Source', 'All sources')}
    ${select('campaign', 'Campaign', 'All campaigns')}
    ${select('owner', 'Owner', 'All owners')}
    ${select('region', 'Region', 'All regions')}
    ${select('version', 'Definition', 'All versions')}
    <button type="button" id="reset" class="ghost">Reset</button>
  </form>
  <p id="status" class="status" role="status" aria-live="polite">Loading…</p>
  <section id="kpis" class="kpis" aria-label="Headline numbers"></section>
  <div id="cards" class="cards"></div>
  <footer class="foot" id="foot"></footer>
</main>
<dialog id="drill" aria-labelledby="drill-title">
  <div class="drill-head">
    <div><h2 id="drill-title">Leads</h2><p id="drill-sub" class="muted"></p></div>
    <div class="drill-actions"><a id="drill-csv" class="button ghost" href="#" download>CSV</a><button type="button" id="drill-close" class="ghost" aria-label="Close">Close</button></div>
  </div>
  <div class="table-wrap"><table id="drill-table" class="data"></table></div>
</dialog>
</body>
</html>
`;
}
