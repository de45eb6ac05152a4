import type { RequestHandler } from 'express';
import type { TenantRef } from '../core/lead';
import { stageLabels, stages } from '../core/stage';
import type { Store } from '../store/store';
import { escapeHtml } from './escape-html';

/**
 * GET /demo/leads — the demo's read-only view of what Accord decided for the sandbox tenant
 * (JSON with ?format=json). Mounted only by `accord demo`, which listens on loopback.
 */
export function demoLeadsRoute(store: Store, tenant: TenantRef): RequestHandler {
  return async (req, res) => {
    const decisions = (await store.listCurrentDecisions(tenant)).sort((a, b) => b.score - a.score);
    const owners = new Map((await store.listOwners(tenant)).map((o) => [o.id, o.name]));
    if (req.query.format === 'json') {
      res.json({ tenant, decisions });
      return;
    }
    const counts = stages.map((s) => `<li>${escapeHtml(stageLabels[s])}: <b>${decisions.filter((d) => d.stage === s).length}</b></li>`).join('');
    const rows = decisions
      .map(
        (d) => `<tr><td>${escapeHtml(d.recordId)}</td><td class="n">${d.score}</td><td>${escapeHtml(stageLabels[d.stage])}</td>` +
          `<td>${escapeHtml(d.ownerId ? (owners.get(d.ownerId) ?? d.ownerId) : '—')}</td><td>${escapeHtml(d.slaDueAt ?? '')}</td>` +
          `<td><details><summary>${escapeHtml(d.why.split('\n')[0] ?? '')}</summary><pre>${escapeHtml(d.why)}</pre></details></td></tr>`,
      )
      .join('');
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Accord demo — ${decisions.length} leads</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;color:#1d2733}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde3ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
.n{text-align:right}pre{white-space:pre-wrap;margin:.3rem 0}ul{display:flex;gap:1.5rem;list-style:none;padding:0}@media(prefers-color-scheme:dark){body{background:#15191f;color:#e6edf3}td,th{border-color:#30363d}}</style></head>
<body><h1>Accord demo: ${decisions.length} leads decided</h1><p>Definition version ${escapeHtml(String(decisions[0]?.definitionVersion ?? '—'))}, ${escapeHtml(tenant.crm)} account ${escapeHtml(tenant.tenantId)}. Same data as JSON: <a href="?format=json">?format=json</a>.</p>
<ul>${counts}</ul><table><thead><tr><th>Record</th><th class="n">Score</th><th>Stage</th><th>Owner</th><th>SLA due</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  };
}
