/* Accord scoreboard page: reads /dashboard/api/summary and draws it. Served as-is, no build step. */
/* global Chart, document, window, fetch, URL, URLSearchParams, history, getComputedStyle */

(() => {
  const base = document.body.dataset.base || '/dashboard';
  const authKeys = ['tenant', 'exp', 'sig'];
  const filterKeys = ['from', 'to', 'source', 'campaign', 'owner', 'region', 'version'];
  const form = document.getElementById('filters');
  const status = document.getElementById('status');
  const cards = document.getElementById('cards');
  const kpis = document.getElementById('kpis');
  const foot = document.getElementById('foot');
  const dialog = document.getElementById('drill');

  // The signed link's proof travels with every API call; the filters come and go.
  const page = new URL(window.location.href);
  const auth = new URLSearchParams();
  for (const key of authKeys) if (page.searchParams.has(key)) auth.set(key, page.searchParams.get(key));
  for (const key of filterKeys) {
    const field = form.elements.namedItem(key);
    const value = page.searchParams.get(key);
    if (field && value) {
      if (field.tagName === 'SELECT') ensureOption(field, value, value);
      field.value = value;
    }
  }

  let summary = null;
  let charts = [];
  let loading = 0;

  function filters() {
    const values = {};
    for (const key of filterKeys) {
      const field = form.elements.namedItem(key);
      if (field && field.value) values[key] = field.value;
    }
    return values;
  }

  function query(extra) {
    const q = new URLSearchParams(auth);
    for (const [key, value] of Object.entries({ ...filters(), ...(extra || {}) })) q.set(key, value);
    return q.toString();
  }

  function apiUrl(path, extra) {
    return `${base}/api/${path}?${query(extra)}`;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || `the server answered ${response.status}`);
    return body;
  }

  async function load() {
    const ticket = ++loading;
    setStatus('Loading…');
    history.replaceState(null, '', `${window.location.pathname}?${query()}`);
    try {
      const next = await getJson(apiUrl('summary'));
      if (ticket !== loading) return;
      summary = next;
      render();
      setStatus('');
    } catch (error) {
      if (ticket === loading) setStatus(error.message, true);
    }
  }

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  // ---- formatting: rounded as the CSV export rounds, so a table and its file read the same ----

  function formatValue(value, format) {
    if (typeof value === 'string') return value;
    switch (format) {
      case 'percent':
        return `${(value * 100).toFixed(1)} %`;
      case 'hours':
        return `${value.toFixed(1)} h`;
      case 'days':
        return `${value.toFixed(1)} d`;
      case 'money':
        return Number(value.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
      case 'count':
        return Math.round(value).toLocaleString('en-US');
      default:
        return String(value);
    }
  }

  function versionsText(versions) {
    if (!versions || versions.length === 0) return 'no definition';
    return `${versions.length === 1 ? 'Definition' : 'Definitions'} ${versions.map((v) => `v${v}`).join(', ')}`;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  /** A number that opens the leads behind it; a missing number shows why it is missing. */
  function cellNode(cell, format) {
    if (!cell || cell.value === null || cell.value === undefined) {
      return el('span', { class: 'note', text: (cell && cell.note) || '—' });
    }
    const text = formatValue(cell.value, format);
    // Zero has no leads to list.
    if (!cell.drill || typeof cell.value !== 'number' || cell.value === 0) return document.createTextNode(text);
    return el('button', {
      type: 'button',
      class: 'num',
      'data-drill': cell.drill,
      title: `${versionsText(cell.versions)} · show the leads`,
      text,
    });
  }

  // ---- headline numbers ----

  function renderKpis() {
    const h = summary.headline;
    const tiles = [
      ['Leads created', h.created, 'count', 'in the date range'],
      ['MQL', h.mql, 'count', 'reached marketing qualified'],
      ['SQL', h.sql, 'count', 'accepted by sales'],
      ['MQL → SQL', h.mqlToSql, 'percent', 'the headline conversion', true],
      ['Median first response', h.medianResponseHours, 'hours', 'hand-over to sales’ first touch'],
      ['SLA compliance', h.slaCompliance, 'percent', 'responses within the SLA'],
      ['Won', h.won, 'count', summary.outcomesKnown ? 'deals won in the CRM' : 'from CRM outcomes'],
    ];
    kpis.replaceChildren(
      ...tiles.map(([title, cell, format, hint, headline]) =>
        el('div', { class: headline ? 'kpi headline' : 'kpi', 'data-kpi': title }, [
          el('h3', { text: title }),
          el('div', { class: 'value' }, [cellNode(cell, format)]),
          el('div', { class: 'hint', text: hint }),
        ]),
      ),
    );
  }

  // ---- tables ----

  // Funnel and speed put their chart beside the table; the rest are wide tables under their chart.
  const split = new Set(['funnel']);
  const neverCollapsed = new Set(['funnel', 'speed', 'cohorts']);
  const collapsedRows = 10;

  function renderTable(table) {
    const head = el('tr', {}, table.columns.map((c) => el('th', { class: c.format === 'text' ? '' : 'n', scope: 'col', text: c.label })));
    const rows = table.rows.map((row) =>
      el(
        'tr',
        {},
        table.columns.map((c) => {
          const cell = row[c.key];
          const td = el('td', { class: c.format === 'text' ? '' : 'n', 'data-col': c.key }, [cellNode(cell, c.format)]);
          if (table.id === 'cohorts' && c.format === 'percent' && cell && typeof cell.value === 'number') {
            td.classList.add('heat');
            td.style.setProperty('--heat', `${Math.round(Math.min(1, cell.value) * 55)}%`);
          }
          return td;
        }),
      ),
    );
    if (rows.length === 0) rows.push(el('tr', {}, [el('td', { colspan: String(table.columns.length), class: 'muted', text: 'No leads match these filters.' })]));
    const wrap = el('div', { class: 'table-wrap' }, [el('table', { class: 'data', 'data-table': table.id }, [el('thead', {}, [head]), el('tbody', {}, rows)])]);
    // Long tables show their top rows; the rest are a click (or the CSV) away.
    if (neverCollapsed.has(table.id) || rows.length <= collapsedRows + 2) return wrap;
    rows.slice(collapsedRows).forEach((row) => (row.hidden = true));
    const more = el('button', { type: 'button', class: 'ghost more', 'data-more': table.id, text: `Show all ${rows.length} rows` });
    more.addEventListener('click', () => {
      rows.forEach((row) => (row.hidden = false));
      more.remove();
    });
    return el('div', {}, [wrap, more]);
  }

  function renderCards() {
    for (const chart of charts) chart.destroy();
    charts = [];
    cards.replaceChildren(
      ...summary.tables.map((table) => {
        const csv = el('a', { class: 'button ghost csv', href: apiUrl(`export/${table.id}.csv`), download: '', 'data-csv': table.id, text: 'CSV' });
        const card = el('section', { class: 'card', id: `card-${table.id}` }, [
          el('div', { class: 'card-head' }, [
            el('div', {}, [el('h2', { text: table.title }), el('p', { class: 'desc', text: table.description })]),
            el('div', { class: 'card-tools' }, [el('span', { class: 'chip', 'data-versions': table.id, text: versionsText(table.versions) }), csv]),
          ]),
          table.notice ? el('p', { class: 'notice', text: table.notice }) : null,
        ]);
        const chart = chartFor(table);
        const chartBox = chart ? el('div', { class: `chart chart-${table.id}` }, [chart.canvas]) : null;
        if (split.has(table.id)) card.append(el('div', { class: 'split' }, [chartBox, renderTable(table)]));
        else card.append(...[chartBox, renderTable(table)].filter(Boolean));
        if (chart) charts.push(chart.draw());
        return card;
      }),
    );
  }

  // ---- charts (Chart.js, served by Accord from node_modules) ----

  function color(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function numeric(cell) {
    return cell && typeof cell.value === 'number' ? cell.value : null;
  }

  function chartFor(table) {
    if (typeof Chart === 'undefined' || table.rows.length === 0) return null;
    const canvas = el('canvas', { role: 'img', 'aria-label': `${table.title} chart` });
    const series = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5'].map(color);
    const label = (row, key) => String(row[key].value);
    const drillOn = (rows, keys) => (_event, elements) => {
      const hit = elements[0];
      if (!hit) return;
      const cell = rows[hit.index] && rows[hit.index][keys[hit.datasetIndex]];
      if (cell && cell.drill) openDrill(cell.drill);
    };
    let config = null;
    if (table.id === 'funnel') {
      const rows = table.rows.filter((r) => numeric(r.leads) !== null);
      config = {
        type: 'bar',
        data: { labels: rows.map((r) => label(r, 'step')), datasets: [{ label: 'Leads', data: rows.map((r) => numeric(r.leads)), backgroundColor: series, borderRadius: 4 }] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } }, onClick: drillOn(rows, ['leads']) },
      };
    } else if (table.id === 'speed') {
      const rows = table.rows.filter((r) => r.tier.value !== 'All tiers');
      const keys = ['met', 'breached', 'open'];
      config = {
        type: 'bar',
        data: {
          labels: rows.map((r) => label(r, 'tier')),
          datasets: [
            { label: 'Met SLA', data: rows.map((r) => numeric(r.met)), backgroundColor: color('--good') },
            { label: 'Breached', data: rows.map((r) => numeric(r.breached)), backgroundColor: color('--bad') },
            { label: 'Still open', data: rows.map((r) => numeric(r.open)), backgroundColor: color('--muted') },
          ],
        },
        options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } }, onClick: drillOn(rows, keys) },
      };
    } else if (table.id === 'sources') {
      const rows = table.rows.slice(0, 8);
      const keys = ['leads', 'mql', 'sql'];
      config = {
        type: 'bar',
        data: {
          labels: rows.map((r) => label(r, 'source')),
          datasets: [
            { label: 'Leads', data: rows.map((r) => numeric(r.leads)), backgroundColor: series[0], borderRadius: 3 },
            { label: 'MQL', data: rows.map((r) => numeric(r.mql)), backgroundColor: series[1], borderRadius: 3 },
            { label: 'SQL', data: rows.map((r) => numeric(r.sql)), backgroundColor: series[2], borderRadius: 3 },
          ],
        },
        options: { scales: { y: { beginAtZero: true } }, onClick: drillOn(rows, keys) },
      };
    } else if (table.id === 'cohorts') {
      const rows = table.rows;
      config = {
        type: 'bar',
        data: {
          labels: rows.map((r) => label(r, 'week')),
          datasets: [
            { type: 'bar', label: 'Leads', data: rows.map((r) => numeric(r.leads)), backgroundColor: series[0], borderRadius: 3, yAxisID: 'y', order: 2 },
            {
              type: 'line',
              label: 'SQL within 30 d (%)',
              data: rows.map((r) => (numeric(r.sql30) === null ? null : Math.round(numeric(r.sql30) * 1000) / 10)),
              borderColor: series[2],
              backgroundColor: series[2],
              spanGaps: false,
              yAxisID: 'rate',
              order: 1,
            },
          ],
        },
        options: {
          scales: {
            y: { beginAtZero: true, position: 'left' },
            rate: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { callback: (v) => `${v} %` } },
          },
          onClick: drillOn(rows, ['leads']),
        },
      };
    }
    if (config === null) return null;
    return {
      canvas,
      draw() {
        Chart.defaults.color = color('--muted');
        Chart.defaults.borderColor = color('--border');
        Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
        config.options.responsive = true;
        config.options.maintainAspectRatio = false;
        config.options.animation = false;
        return new Chart(canvas, config);
      },
    };
  }

  // ---- filters ----

  function ensureOption(select, value, label) {
    if (![...select.options].some((o) => o.value === value)) select.append(el('option', { value, text: label }));
  }

  function fillSelect(name, options) {
    const select = form.elements.namedItem(name);
    const chosen = select.value;
    const first = select.options[0];
    select.replaceChildren(first, ...options.map((o) => el('option', { value: o.value, text: o.label })));
    if (chosen) ensureOption(select, chosen, chosen);
    select.value = chosen;
  }

  function renderFilters() {
    const o = summary.options;
    fillSelect('source', o.sources);
    fillSelect('campaign', o.campaigns);
    fillSelect('owner', o.owners);
    fillSelect('region', o.regions);
    fillSelect('version', o.versions.map((v) => ({ value: String(v), label: `v${v}` })));
    form.elements.namedItem('from').value = summary.filters.from;
    form.elements.namedItem('to').value = summary.filters.to;
  }

  function render() {
    renderFilters();
    renderKpis();
    renderCards();
    const when = new Date(summary.generatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    foot.textContent =
      `Leads created ${summary.filters.from} to ${summary.filters.to} (UTC). ${versionsText(summary.versions)}. ` +
      `A lead counts at a step once any decision in its history reached it. Click any number for the leads behind it. Updated ${when}.`;
  }

  form.addEventListener('change', () => load());
  document.getElementById('reset').addEventListener('click', () => {
    for (const key of filterKeys) form.elements.namedItem(key).value = '';
    load();
  });

  // ---- drill-down ----

  async function openDrill(drill) {
    const title = document.getElementById('drill-title');
    const sub = document.getElementById('drill-sub');
    const target = document.getElementById('drill-table');
    title.textContent = 'Loading…';
    sub.textContent = '';
    target.replaceChildren();
    document.getElementById('drill-csv').setAttribute('href', apiUrl('export/leads.csv', { drill }));
    if (!dialog.open) dialog.showModal();
    try {
      const result = await getJson(apiUrl('leads', { drill }));
      const table = result.table;
      title.textContent = result.label;
      sub.textContent = `${result.total} ${result.total === 1 ? 'lead' : 'leads'}${result.truncated ? `, first ${table.rows.length} shown (the CSV has all)` : ''} · ${versionsText(table.versions)}`;
      const columns = table.columns.filter((c) => c.key !== 'url');
      const head = el('tr', {}, columns.map((c) => el('th', { class: c.format === 'text' ? '' : 'n', text: c.label })));
      const rows = table.rows.map((row) =>
        el(
          'tr',
          { 'data-record': row.record.value },
          columns.map((c) => {
            if (c.key === 'record') {
              return el('td', {}, [el('a', { href: row.url.value, target: '_blank', rel: 'noopener noreferrer', text: row.record.value })]);
            }
            const cell = row[c.key];
            return el('td', { class: c.format === 'text' ? '' : 'n', text: cell && cell.value !== null ? formatValue(cell.value, c.format) : '' });
          }),
        ),
      );
      target.replaceChildren(el('thead', {}, [head]), el('tbody', {}, rows));
    } catch (error) {
      title.textContent = 'Could not list the leads';
      sub.textContent = error.message;
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button.num');
    if (button) openDrill(button.dataset.drill);
  });
  document.getElementById('drill-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });

  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => summary && renderCards());
  load();
})();
