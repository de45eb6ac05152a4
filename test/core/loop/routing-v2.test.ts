import fc from 'fast-check';
import { assignedCount, tallyKeys } from '../../../src/core/assignment-tally';
import { decide } from '../../../src/core/decide';
import { defaultDefinition } from '../../../src/core/default-definition';
import type { Definition, DefinitionInput } from '../../../src/core/definition';
import type { Owner } from '../../../src/core/owner';
import { routeLead } from '../../../src/core/route-lead';
import type { RoutingState } from '../../../src/core/routing-state';
import { makeLead, makeOwner } from '../make-lead';
import { dayMs, definitionWith, hourMs, salesReadyLead } from './loop-fixtures';

const now = new Date('2026-03-02T15:00:00.000Z');
const regional: Owner[] = [
  makeOwner('w1', { name: 'Wendy West', teams: ['West'] }),
  makeOwner('e1', { name: 'Erin East', teams: ['East'] }),
  makeOwner('e2', { name: 'Eli East', teams: ['East'] }),
  makeOwner('a1', { name: 'Maria Lopez', teams: ['Strategic'] }),
];
const acme = new Map([['acme.com', 'a1']]);

function onePool(members: DefinitionInput['routing']['pools'][number]['members']): Definition {
  return definitionWith({ routing: { ...defaultDefinition.routing, pools: [{ id: 'all', name: 'All', members }] } });
}

/** Routes `count` leads one after another, as a worker batch would, from `start`, `gapMs` apart. */
function routeMany(definition: Definition, owners: Owner[], count: number, start = now, gapMs = 0, state: RoutingState = {}) {
  const picks: string[] = [];
  for (let i = 0; i < count; i++) {
    const routed = routeLead(makeLead({ recordId: String(i) }), definition, owners, state, new Date(start.getTime() + i * gapMs));
    picks.push(routed.ownerId ?? 'none');
    state = routed.nextState;
  }
  return { picks, state };
}
const countOf = (picks: string[], id: string) => picks.filter((p) => p === id).length;

describe('routing v2: account match first', () => {
  test("a lead from a company with an account owner goes to that owner, whatever the territory", () => {
    const lead = makeLead({ email: 'pat@acme.com', domain: 'acme.com', country: 'Germany' });
    const routed = routeLead(lead, defaultDefinition, regional, {}, now, acme);
    expect(routed).toMatchObject({ ownerId: 'a1', poolId: null, explanation: 'account owner of acme.com' });
    // Without the account the territory decides.
    expect(routeLead(lead, defaultDefinition, regional, {}, now).ownerId).toMatch(/^e/);
  });

  test('decide says so in the why', () => {
    const decision = decide(
      salesReadyLead({ email: 'pat@eu.acme.com', domain: 'eu.acme.com' }),
      defaultDefinition,
      { owners: regional, routingState: {}, previous: null, accountOwners: acme },
      now,
    );
    expect(decision.ownerId).toBe('a1');
    expect(decision.why.split('\n').at(-1)).toBe('Routed to Maria Lopez: account owner of acme.com');
  });

  test('an account owner who is away or unknown falls back to territories, and the why says so', () => {
    const away = regional.map((o) => (o.id === 'a1' ? { ...o, outOfOffice: { from: '2026-03-01T00:00:00.000Z', until: '2026-03-09T00:00:00.000Z' } } : o));
    const lead = makeLead({ email: 'pat@acme.com', domain: 'acme.com', country: 'Germany' });
    const routed = routeLead(lead, defaultDefinition, away, {}, now, acme);
    expect(routed.ownerId).toMatch(/^e/);
    expect(routed.explanation).toMatch(/^account owner of acme\.com unavailable; territory East, /);
  });

  test('free-mail domains never match an account', () => {
    const lead = makeLead({ email: 'pat@gmail.com', domain: 'gmail.com', country: 'Germany' });
    expect(routeLead(lead, defaultDefinition, regional, {}, now, new Map([['gmail.com', 'a1']])).ownerId).not.toBe('a1');
  });
});

describe('routing v2: caps', () => {
  test('an owner at their daily cap is skipped until the next day, and the why shows the count', () => {
    const definition = onePool([
      { ownerId: 'e1', weight: 1, dailyCap: 2 },
      { ownerId: 'e2', weight: 1 },
    ]);
    const first = routeMany(definition, regional, 6);
    expect(countOf(first.picks, 'e1')).toBe(2);
    expect(countOf(first.picks, 'e2')).toBe(4);
    const capped = routeLead(makeLead(), definition, regional, {}, now);
    expect(capped.explanation).toBe('territory East, segment commercial, pool All: round robin (weight 1 of 2), cap 1/2 today');
    // The next day e1 takes leads again, and the counts start afresh.
    const tomorrow = routeMany(definition, regional, 2, new Date(now.getTime() + dayMs), 0, first.state);
    expect(tomorrow.picks).toContain('e1');
    expect(assignedCount(tomorrow.state, tallyKeys(now.getTime() + dayMs, 'UTC').day, 'e1')).toBe(1);
  });

  test('monthly caps hold across days, and everyone at cap means no owner (with the count in the why)', () => {
    const definition = onePool([{ ownerId: 'e1', weight: 1, monthlyCap: 3 }]);
    const { picks, state } = routeMany(definition, regional, 5, now, dayMs);
    expect(picks).toEqual(['e1', 'e1', 'e1', 'none', 'none']);
    const full = routeLead(makeLead(), definition, regional, state, new Date(now.getTime() + 5 * dayMs));
    expect(full.explanation).toBe('territory East, segment commercial: no available owner in any pool (1 at their cap)');
    // April is a new month.
    expect(routeLead(makeLead(), definition, regional, state, new Date('2026-04-01T09:00:00.000Z')).ownerId).toBe('e1');
  });

  test("'today' is the owner's own day", () => {
    const definition = onePool([{ ownerId: 'e1', weight: 1, dailyCap: 1 }]);
    const tokyo = regional.map((o) => (o.id === 'e1' ? { ...o, timeZone: 'Asia/Tokyo' } : o));
    // 14:00 UTC on 2 March is 23:00 in Tokyo; an hour later it is already 3 March there.
    const { state } = routeMany(definition, tokyo, 1, new Date('2026-03-02T14:00:00.000Z'));
    expect(routeLead(makeLead(), definition, tokyo, state, new Date('2026-03-02T14:30:00.000Z')).ownerId).toBeNull();
    expect(routeLead(makeLead(), definition, tokyo, state, new Date('2026-03-02T15:00:00.000Z')).ownerId).toBe('e1');
  });

  test('old tallies are dropped, so the stored state stays small', () => {
    const definition = onePool([{ ownerId: 'e1', weight: 1 }]);
    const { state } = routeMany(definition, regional, 40, now, dayMs);
    expect(Object.keys(state).filter((k) => k.startsWith('#day:')).length).toBeLessThanOrEqual(3);
    expect(Object.keys(state).filter((k) => k.startsWith('#month:')).length).toBeLessThanOrEqual(2);
  });

  test('a state stored before tallies existed still routes', () => {
    const definition = onePool([{ ownerId: 'e1', weight: 1 }, { ownerId: 'e2', weight: 1 }]);
    const stored = JSON.parse('{"all":{"e1":-1,"e2":1}}') as RoutingState;
    expect(routeLead(makeLead(), definition, regional, stored, now).ownerId).toBe('e2');
  });
});

describe('routing v2: weighted round robin fairness', () => {
  const midnight = new Date('2026-03-02T00:00:00.000Z');
  test('10,000 leads over ten days split within 1% of the weights 1 : 2 : 3 : 4 under generous caps', () => {
    const owners = ['r1', 'r2', 'r3', 'r4'].map((id) => makeOwner(id));
    const definition = onePool(['r1', 'r2', 'r3', 'r4'].map((ownerId, i) => ({ ownerId, weight: i + 1, dailyCap: 500, monthlyCap: 5000 })));
    const { picks } = routeMany(definition, owners, 10_000, midnight, dayMs / 1000);
    [1000, 2000, 3000, 4000].forEach((expected, i) => {
      expect(Math.abs(countOf(picks, `r${i + 1}`) - expected)).toBeLessThanOrEqual(expected * 0.01);
    });
  });

  test('a binding cap gives that owner exactly its cap each day; the others share the rest by weight', () => {
    const owners = ['r1', 'r2', 'r3'].map((id) => makeOwner(id));
    const definition = onePool([
      { ownerId: 'r1', weight: 4, dailyCap: 100 },
      { ownerId: 'r2', weight: 1 },
      { ownerId: 'r3', weight: 2 },
    ]);
    // Ten whole days from midnight, 1,000 leads a day.
    const { picks } = routeMany(definition, owners, 10_000, midnight, dayMs / 1000);
    expect(countOf(picks, 'r1')).toBe(1000);
    const rest = 9000;
    expect(Math.abs(countOf(picks, 'r2') - rest / 3)).toBeLessThanOrEqual((rest / 3) * 0.01);
    expect(Math.abs(countOf(picks, 'r3') - (2 * rest) / 3)).toBeLessThanOrEqual(((2 * rest) / 3) * 0.01);
  });

  test('caps are never exceeded, whatever the weights, caps and pace', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), dailyCap: fc.option(fc.integer({ min: 0, max: 8 })), monthlyCap: fc.option(fc.integer({ min: 0, max: 40 })) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 12 }).map((h) => h * hourMs),
        (members, count, gapMs) => {
          const owners = members.map((_, i) => makeOwner(`r${i}`));
          const definition = onePool(members.map((m, i) => ({ ownerId: `r${i}`, ...m })));
          let state: RoutingState = {};
          const perDay = new Map<string, number>();
          const perMonth = new Map<string, number>();
          for (let i = 0; i < count; i++) {
            const at = new Date(now.getTime() + i * gapMs);
            const routed = routeLead(makeLead(), definition, owners, state, at);
            state = routed.nextState;
            if (routed.ownerId === null) continue;
            const member = members[Number(routed.ownerId.slice(1))]!;
            const day = `${routed.ownerId}@${at.toISOString().slice(0, 10)}`;
            const month = `${routed.ownerId}@${at.toISOString().slice(0, 7)}`;
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
            perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
            if (member.dailyCap !== null) expect(perDay.get(day)).toBeLessThanOrEqual(member.dailyCap);
            if (member.monthlyCap !== null) expect(perMonth.get(month)).toBeLessThanOrEqual(member.monthlyCap);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('routing v2: out of office', () => {
  const owners = ['r1', 'r2', 'r3'].map((id) => makeOwner(id));
  const definition = onePool([{ ownerId: 'r1' }, { ownerId: 'r2' }, { ownerId: 'r3' }]);
  const week = { from: '2026-03-02T15:00:30.000Z', until: '2026-03-02T15:05:00.000Z' };

  test('an owner out of office is skipped for the window only', () => {
    const away = owners.map((o) => (o.id === 'r2' ? { ...o, outOfOffice: week } : o));
    const { picks } = routeMany(definition, away, 60, now, 10_000);
    // Leads every 10 s: 30 s in the window starts, 300 s later it ends.
    expect(picks.slice(3, 30)).not.toContain('r2');
    expect(picks.slice(30)).toContain('r2');
  });

  test('back from an absence, an owner resumes the normal rotation without a flood of catch-up leads', () => {
    const away = owners.map((o) => (o.id === 'r2' ? { ...o, outOfOffice: week } : o));
    const { picks } = routeMany(definition, away, 90, now, 10_000);
    const afterReturn = picks.slice(30);
    // In every run of three leads after the return, r2 gets at most one.
    for (let i = 0; i + 3 <= afterReturn.length; i++) expect(countOf(afterReturn.slice(i, i + 3), 'r2')).toBeLessThanOrEqual(1);
    expect(countOf(afterReturn, 'r2')).toBe(20);
  });

  test('an owner whose CRM user is inactive is skipped like one out of office', () => {
    const inactive = owners.map((o) => (o.id === 'r1' ? { ...o, available: false } : o));
    expect(routeMany(definition, inactive, 10).picks).not.toContain('r1');
  });

  test('an owner at cap all day does not get a burst the next morning', () => {
    const capped = onePool([{ ownerId: 'r1', weight: 1, dailyCap: 1 }, { ownerId: 'r2', weight: 1 }, { ownerId: 'r3', weight: 1 }]);
    const day1 = routeMany(capped, owners, 50, now, 60_000);
    const day2 = routeMany(
      onePool([{ ownerId: 'r1' }, { ownerId: 'r2' }, { ownerId: 'r3' }]),
      owners,
      300,
      new Date(now.getTime() + dayMs),
      60_000,
      day1.state,
    );
    expect(countOf(day2.picks.slice(0, 3), 'r1')).toBeLessThanOrEqual(1);
    expect(Math.abs(countOf(day2.picks, 'r1') - 100)).toBeLessThanOrEqual(1);
  });
});
