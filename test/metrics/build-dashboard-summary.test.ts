import { buildDashboardSummary, type DashboardSummary } from '../../src/metrics/build-dashboard-summary';
import { buildLeadTimelines } from '../../src/metrics/build-lead-timelines';
import { decisionsOfVersion, filterTimelines, type DashboardFilters } from '../../src/metrics/dashboard-filters';
import { drillMembers, parseDrill } from '../../src/metrics/drill';
import type { Cell } from '../../src/metrics/dashboard-table';
import { SqliteStore } from '../../src/store/sqlite-store';
import { dashboardNow, seedDashboardStore, type SeededDashboard } from '../dashboard/seed-dashboard-store';

describe('buildDashboardSummary on demo-like history', () => {
  let store: SqliteStore;
  let seeded: SeededDashboard;
  beforeAll(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    seeded = await seedDashboardStore(store);
  });
  afterAll(() => store.close());

  async function summarise(filters: DashboardFilters): Promise<DashboardSummary & { timelines: ReturnType<typeof buildLeadTimelines> }> {
    const decisions = await store.listDecisionHistory(seeded.tenant);
    const timelines = buildLeadTimelines(decisionsOfVersion(decisions, filters.version), await store.listLeadFacts(seeded.tenant));
    const summary = buildDashboardSummary({
      timelines,
      filters,
      now: dashboardNow,
      ownerName: (id) => `Owner ${id}`,
      allVersions: [...new Set(decisions.map((d) => d.definitionVersion))],
      outcomesKnown: false,
    });
    return { ...summary, timelines };
  }

  const everything: DashboardFilters = { from: '2026-01-01', to: '2026-11-20' };

  it('counts the funnel as the raw decisions say', async () => {
    const summary = await summarise(everything);
    const byRecord = new Map<string, string[]>();
    for (const d of seeded.decisions) byRecord.set(d.recordId, [...(byRecord.get(d.recordId) ?? []), d.acceptedAt ? 'sql' : d.stage]);
    const reached = (stages: string[]) => [...byRecord.values()].filter((h) => h.some((s) => stages.includes(s))).length;

    expect(summary.headline.created.value).toBe(seeded.leads);
    expect(summary.headline.mql.value).toBe(reached(['mql', 'sales_ready', 'sql']));
    expect(summary.headline.sql.value).toBe(reached(['sql']));
    expect(summary.headline.mqlToSql.value).toBeCloseTo(reached(['sql']) / reached(['mql', 'sales_ready', 'sql']), 10);
    expect(summary.headline.won).toEqual({ value: null, note: 'no outcome data yet' });
    // Enough of each kind for the rest of the page to mean something.
    expect(reached(['sql'])).toBeGreaterThan(20);
    expect(summary.tables.find((t) => t.id === 'rejections')?.rows.length).toBeGreaterThan(2);
  });

  it('lists, for every number on the page, exactly the leads it counts', async () => {
    for (const filters of [everything, { ...everything, source: 'PAID_SEARCH' }, { from: '2026-10-01', to: '2026-11-20', version: 2 }]) {
      const summary = await summarise(filters);
      const members = filterTimelines(summary.timelines, filters);
      const cells: Array<[string, Cell]> = [
        ...Object.entries(summary.headline),
        ...summary.tables.flatMap((t) => t.rows.flatMap((row) => t.columns.filter((c) => c.format === 'count').map((c): [string, Cell] => [`${t.id}.${c.key}`, row[c.key] as Cell]))),
      ];
      let checked = 0;
      for (const [where, cell] of cells) {
        if (cell.drill === undefined || typeof cell.value !== 'number' || where.startsWith('headline')) continue;
        if (!Number.isInteger(cell.value)) continue;
        const drill = parseDrill(cell.drill);
        expect(drill).not.toBeNull();
        const listed = drillMembers(members, drill!, dashboardNow);
        expect([where, listed.length]).toEqual([where, cell.value]);
        expect([where, cell.versions]).toEqual([where, [...new Set(listed.flatMap((t) => t.versions))].sort()]);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(50);
    }
  });

  it('narrows every number with the filters', async () => {
    const all = await summarise(everything);
    const paid = await summarise({ ...everything, source: 'PAID_SEARCH' });
    const recent = await summarise({ from: '2026-10-01', to: '2026-11-20' });
    const v2 = await summarise({ ...everything, version: 2 });

    const paidCount = seeded.facts.filter((f) => f.source === 'PAID_SEARCH').length;
    expect(paid.headline.created.value).toBe(paidCount);
    expect(recent.headline.created.value).toBe(seeded.facts.filter((f) => f.createdAt! >= '2026-10-01').length);
    expect(v2.headline.created.value).toBe(new Set(seeded.decisions.filter((d) => d.definitionVersion === 2).map((d) => d.recordId)).size);
    expect(v2.versions).toEqual([2]);
    expect(all.versions).toEqual([1, 2]);
    expect(all.options.versions).toEqual([1, 2]);
    expect(all.options.sources.map((o) => o.value)).toContain('PAID_SEARCH');
    expect(all.options.owners.find((o) => o.value !== '(none)')?.label).toMatch(/^Owner \d+$/);
  });
});
