import { dashboardDataLoader } from '../../src/server/dashboard/dashboard-data-loader';
import { decisionAt, facts, hours } from '../metrics/make-timeline';

describe('dashboardDataLoader', () => {
  const tenant = { crm: 'hubspot' as const, tenantId: '62515' };

  function fakeStore() {
    const store = {
      reads: 0,
      fail: false,
      async listDecisionHistory() {
        store.reads += 1;
        if (store.fail) throw new Error('database is locked');
        return [decisionAt('r1', hours(0), { definitionVersion: 1 }), decisionAt('r2', hours(1), { definitionVersion: 2, stage: 'mql' })];
      },
      async listLeadFacts() {
        return [facts('r1'), facts('r2', { outcome: 'won', outcomeAt: hours(500) })];
      },
      async listOwners() {
        return [{ id: 'o1', name: 'Maria Lopez', email: null, teams: [], available: true }];
      },
    };
    return store;
  }

  it('reads a tenant once per window and builds each version’s leads from it', async () => {
    const store = fakeStore();
    let now = 0;
    const load = dashboardDataLoader(store, 10_000, () => now);

    const all = await load(tenant, undefined);
    const v2 = await load(tenant, 2);
    expect(store.reads).toBe(1);
    expect(all.timelines.map((t) => t.recordId)).toEqual(['r1', 'r2']);
    expect(v2.timelines.map((t) => t.recordId)).toEqual(['r2']);
    expect(v2.allVersions).toEqual([1, 2]);
    expect(all.outcomesKnown).toBe(true);
    expect(all.ownerName('o1')).toBe('Maria Lopez');
    expect(all.ownerName('o9')).toBe('o9');

    now = 10_001;
    await load(tenant, undefined);
    expect(store.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const store = fakeStore();
    const load = dashboardDataLoader(store, 10_000, () => 0);
    store.fail = true;
    await expect(load(tenant, undefined)).rejects.toThrow('database is locked');
    store.fail = false;
    expect((await load(tenant, undefined)).timelines).toHaveLength(2);
    expect(store.reads).toBe(2);
  });
});
