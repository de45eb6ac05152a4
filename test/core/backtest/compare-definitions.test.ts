import { compareDefinitions } from '../../../src/core/backtest/compare-definitions';
import { defaultDefinition } from '../../../src/core/default-definition';
import { definitionSchema, type Definition } from '../../../src/core/definition';
import { makeLead, makeOwner } from '../make-lead';

const now = new Date('2026-01-01T00:00:00Z');

/** A draft that only cares about one raw field: "Hot" leads score 100, the rest 0. */
const draft: Definition = definitionSchema.parse({
  ...defaultDefinition,
  name: 'Draft',
  criteria: [{ id: 'hot', label: 'Marked hot', kind: 'fit', points: 100, when: { field: 'raw.Temperature', op: 'eq', value: 'Hot' } }],
  intent: { maxPoints: 0, halfLifeDays: 30, signals: [] },
  autoAccept: null,
  requiredFields: [],
  calibration: { method: 'isotonic', points: [[0, 0.1], [100, 0.8]] },
});

function leads(count: number) {
  return Array.from({ length: count }, (_, i) => makeLead({ recordId: `r${i}`, raw: { Temperature: i % 2 === 0 ? 'Hot' : 'Cold' } }));
}

describe('compareDefinitions', () => {
  it('counts stages for both definitions and lists the leads that move, with both whys', () => {
    const result = compareDefinitions({ leads: leads(6), current: defaultDefinition, draft, owners: [], now, listChanges: 2 });
    expect(result.leads).toBe(6);
    expect(result.draft.stages.sales_ready).toBe(3);
    expect(result.draft.stages.nurture).toBe(3);
    expect(result.current.stages.sales_ready).toBe(0);
    expect(result.changed).toBe(3);
    expect(result.moves).toEqual([{ from: result.changes[0]?.from, to: 'sales_ready', leads: 3 }]);
    expect(result.changes).toHaveLength(2);
    expect(result.changes[0]).toEqual(expect.objectContaining({ recordId: 'r0', to: 'sales_ready', draftScore: 100 }));
    expect(result.changes[0]?.draftWhy).toContain('Marked hot');
    expect(result.changes[0]?.currentWhy).not.toBe(result.changes[0]?.draftWhy);
  });

  it('routes sales-ready leads over the owners given and reports their load and SLA work', () => {
    const owners = [makeOwner('o1'), makeOwner('o2')];
    const result = compareDefinitions({ leads: leads(8), current: defaultDefinition, draft, owners, now });
    expect(result.draft.ownerLoad.map((o) => o.ownerId).sort()).toEqual(['o1', 'o2']);
    expect(result.draft.ownerLoad.reduce((sum, o) => sum + o.leads, 0)).toBe(4);
    expect(result.draft.sla.hot + result.draft.sla.standard).toBe(4);
  });

  it("shows leads nobody could take as 'unrouted'", () => {
    const result = compareDefinitions({ leads: leads(4), current: defaultDefinition, draft, owners: [], now });
    expect(result.draft.ownerLoad).toEqual([{ ownerId: 'unrouted', leads: 2, hot: 0, standard: 2 }]);
  });

  it('expects the SQL rate from the calibration, else from observed outcomes', () => {
    const calibrated = compareDefinitions({ leads: leads(4), current: defaultDefinition, draft, owners: [], now });
    expect(calibrated.draft.expectedSqlRate).toBeCloseTo(0.8, 12);
    expect(calibrated.draft.expectedSqlRateSource).toBe('calibration');
    const { calibration: _drop, ...uncalibrated } = draft;
    const observed = compareDefinitions({ leads: leads(4), outcomes: [true, false, false, null], current: defaultDefinition, draft: uncalibrated, owners: [], now });
    expect(observed.draft.expectedSqlRate).toBe(0.5);
    expect(observed.draft.expectedSqlRateSource).toBe('observed');
  });
});
