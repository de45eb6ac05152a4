import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema, type DefinitionInput } from '../../src/core/definition';
import type { Lead } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import { routeLead } from '../../src/core/route-lead';
import type { RoutingState } from '../../src/core/routing-state';
import { makeLead, makeOwner } from './make-lead';

const now = new Date('2026-03-02T15:00:00.000Z');

const regionalOwners: Owner[] = [
  makeOwner('w1', { name: 'Wendy West', teams: ['West'] }),
  makeOwner('c1', { name: 'Carl Central', teams: ['Central'] }),
  makeOwner('e1', { name: 'Erin East', teams: ['East'] }),
  makeOwner('x1', { name: 'Xavier Anywhere', teams: [] }),
];
const routeDefault = (lead: Partial<Lead>, owners: Owner[] = regionalOwners, state: RoutingState = {}) =>
  routeLead(makeLead(lead), defaultDefinition, owners, state, now);

describe('routeLead: territories', () => {
  test.each<[Partial<Lead>, string]>([
    [{ country: 'United States', state: 'US-CA' }, 'w1'],
    [{ country: 'USA', state: 'CA' }, 'w1'],
    [{ country: 'US', state: 'California' }, 'w1'],
    [{ country: null, state: 'ca' }, 'w1'],
    [{ country: 'United States', state: 'TX' }, 'c1'],
    [{ country: 'u.s.a.', state: 'Illinois' }, 'c1'],
    [{ country: 'United States', state: 'NY' }, 'e1'],
    [{ country: 'United States of America', state: 'US-FL' }, 'e1'],
    [{ country: 'Canada', state: 'CA' }, 'c1'],
    [{ country: 'Canada', state: 'ON' }, 'c1'],
    [{ country: 'Philipines', state: null }, 'w1'],
    [{ country: 'Philippines', state: null }, 'w1'],
    [{ country: 'Korea', state: null }, 'w1'],
    [{ country: 'south korea', state: null }, 'w1'],
    [{ country: 'Japan', state: null }, 'w1'],
    [{ country: 'Brazil', state: null }, 'c1'],
    [{ country: 'Panama', state: null }, 'c1'],
    [{ country: 'UK', state: null }, 'e1'],
    [{ country: 'Deutschland', state: null }, 'e1'],
    [{ country: 'Kenya', state: null }, 'e1'],
    [{ country: 'Jordan', state: null }, 'e1'],
  ])('%j → %s', (where, ownerId) => {
    expect(routeDefault(where).ownerId).toBe(ownerId);
  });

  test('a US lead with no state, or a country in no territory, goes to the catch-all pool', () => {
    for (const where of [{ country: 'United States', state: null }, { country: 'Atlantis', state: null }, { country: null, state: null }]) {
      const routed = routeDefault(where);
      expect(routed.poolId).toBe('everyone');
      expect(routed.explanation).toMatch(/^no territory, /);
    }
  });

  test('explains territory, segment, pool and weight', () => {
    expect(routeDefault({ country: 'Germany', employees: 120 }).explanation).toBe(
      'territory East, segment commercial, pool East: round robin (weight 1 of 1)',
    );
    expect(routeDefault({ country: 'Germany', employees: 5000 }).explanation).toBe(
      'territory East, segment enterprise, pool East: round robin (weight 1 of 1)',
    );
    expect(routeDefault({ country: 'Germany', employees: null }).explanation).toBe(
      'territory East, no segment, pool East: round robin (weight 1 of 1)',
    );
  });

  test('a region whose team is all away falls through to the catch-all pool', () => {
    const owners = regionalOwners.map((o) => (o.id === 'e1' ? { ...o, available: false } : o));
    const state: RoutingState = {};
    const routed = routeDefault({ country: 'Germany' }, owners, state);
    expect(routed.poolId).toBe('everyone');
    expect(['w1', 'c1', 'x1']).toContain(routed.ownerId);
  });

  test('nobody available anywhere: no owner, and the state is left as it was', () => {
    const state: RoutingState = { east: { e1: 0 } };
    const routed = routeDefault({ country: 'Germany' }, regionalOwners.map((o) => ({ ...o, available: false })), state);
    expect(routed).toEqual({
      ownerId: null,
      poolId: null,
      explanation: 'territory East, segment commercial: no available owner in any pool',
      nextState: state,
    });
  });
});

describe('routeLead: pools, segments and weights', () => {
  const definitionWith = (pools: DefinitionInput['routing']['pools']) =>
    definitionSchema.parse({ ...defaultDefinition, routing: { ...defaultDefinition.routing, pools } });

  test('a segment-only pool takes enterprise leads; the rest fall through', () => {
    const definition = definitionWith([
      { id: 'strategic', name: 'Strategic', segments: ['enterprise'], members: [{ ownerId: 'x1' }] },
      { id: 'everyone', name: 'Everyone' },
    ]);
    expect(routeLead(makeLead({ employees: 1000 }), definition, regionalOwners, {}, now).poolId).toBe('strategic');
    expect(routeLead(makeLead({ employees: 999 }), definition, regionalOwners, {}, now).poolId).toBe('everyone');
    expect(routeLead(makeLead({ employees: null }), definition, regionalOwners, {}, now).poolId).toBe('everyone');
  });

  test('pool members are listed owners plus the team, skipping owners unknown or away', () => {
    const owners = [
      makeOwner('a', { teams: ['East'] }),
      makeOwner('b', { teams: ['East'], available: false }),
      makeOwner('c', { teams: [] }),
      makeOwner('d', { teams: ['West'] }),
    ];
    const definition = definitionWith([
      { id: 'east', name: 'East', regions: ['east'], team: 'East', members: [{ ownerId: 'c', weight: 2 }, { ownerId: 'ghost', weight: 5 }] },
    ]);
    let state: RoutingState = {};
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const routed = routeLead(makeLead({ country: 'Germany' }), definition, owners, state, now);
      seen.push(routed.ownerId ?? 'none');
      state = routed.nextState;
    }
    // c weighs 2, a (team, unlisted) weighs 1; b is away, d is in another team, ghost is no owner.
    expect(seen.filter((id) => id === 'c')).toHaveLength(4);
    expect(seen.filter((id) => id === 'a')).toHaveLength(2);
  });

  test('6000 leads split within 1% of the weights 1 : 2 : 3', () => {
    const owners = ['r1', 'r2', 'r3'].map((id) => makeOwner(id));
    const definition = definitionWith([
      { id: 'all', name: 'All', members: [{ ownerId: 'r1', weight: 1 }, { ownerId: 'r2', weight: 2 }, { ownerId: 'r3', weight: 3 }] },
    ]);
    const counts = new Map<string, number>();
    let state: RoutingState = {};
    for (let i = 0; i < 6000; i++) {
      const routed = routeLead(makeLead({ recordId: String(i) }), definition, owners, state, now);
      counts.set(routed.ownerId!, (counts.get(routed.ownerId!) ?? 0) + 1);
      state = routed.nextState;
    }
    expect(Math.abs((counts.get('r1') ?? 0) - 1000)).toBeLessThanOrEqual(10);
    expect(Math.abs((counts.get('r2') ?? 0) - 2000)).toBeLessThanOrEqual(20);
    expect(Math.abs((counts.get('r3') ?? 0) - 3000)).toBeLessThanOrEqual(30);
  });

  test('an owner going away mid-run is skipped and the others keep their shares', () => {
    const owners = ['r1', 'r2', 'r3'].map((id) => makeOwner(id));
    const definition = definitionWith([{ id: 'all', name: 'All' }]);
    let state: RoutingState = {};
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const today = i >= 15 ? owners.map((o) => (o.id === 'r2' ? { ...o, available: false } : o)) : owners;
      const routed = routeLead(makeLead(), definition, today, state, now);
      seen.push(routed.ownerId!);
      state = routed.nextState;
    }
    expect(seen.slice(15)).not.toContain('r2');
    expect(seen.slice(16).filter((id) => id === 'r1').length).toBeGreaterThanOrEqual(7);
    expect(seen.slice(16).filter((id) => id === 'r3').length).toBeGreaterThanOrEqual(7);
  });

  test('never mutates the state it is given and is deterministic', () => {
    const state: RoutingState = Object.freeze({ east: Object.freeze({ e1: 0 }) }) as RoutingState;
    const first = routeDefault({ country: 'Germany' }, regionalOwners, state);
    const second = routeDefault({ country: 'Germany' }, regionalOwners, state);
    expect(state).toEqual({ east: { e1: 0 } });
    expect(first).toEqual(second);
    expect(first.nextState).not.toBe(state);
  });
});
