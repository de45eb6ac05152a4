import { decide, decideWithRouting } from '../../src/core/decide';
import type { Decision } from '../../src/core/decision';
import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema } from '../../src/core/definition';
import type { Lead } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import type { RoutingState } from '../../src/core/routing-state';
import { makeLead, makeOwner, signal } from './make-lead';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const hoursAfter = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const owners: Owner[] = [
  makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] }),
  makeOwner('o2', { name: 'Sam Chen', teams: ['East'] }),
  makeOwner('o3', { name: 'Ada Away', teams: ['East'], available: false }),
];
/** Sales-ready on score (85) with a standard SLA: fit 65 plus a demo request. */
const salesReadyLead = (overrides: Partial<Lead> = {}) =>
  makeLead({ title: 'VP Sales', employees: 120, phone: '+1 415 867 5309', country: 'Germany', activity: [signal('demo_request', 1)], ...overrides });

function decideAt(now: Date, lead: Lead, previous: Decision | null = null, routingState: RoutingState = {}, who: Owner[] = owners) {
  return decideWithRouting(lead, defaultDefinition, { owners: who, routingState, previous }, now);
}

describe('decide: owner', () => {
  test('routes a new sales-ready lead by territory and round robin, and says so', () => {
    const { decision, routingState } = decideAt(t0, salesReadyLead());
    expect(decision.ownerId).toBe('o1');
    expect(decision.routing).toEqual({
      ownerId: 'o1',
      poolId: 'east',
      explanation: 'territory East, segment commercial, pool East: round robin (weight 1 of 2)',
    });
    expect(decision.why).toContain('\nRouted to Maria Lopez: territory East, segment commercial, pool East: round robin (weight 1 of 2)');
    expect(routingState.east).toEqual({ o1: -1, o2: 1 });
  });

  test('the routing state threads through a batch so consecutive leads alternate', () => {
    const first = decideAt(t0, salesReadyLead({ recordId: 'a' }));
    const second = decideAt(t0, salesReadyLead({ recordId: 'b' }), null, first.routingState);
    expect([first.decision.ownerId, second.decision.ownerId]).toEqual(['o1', 'o2']);
  });

  test('an available CRM owner is kept and the round robin does not move', () => {
    const state: RoutingState = { east: { o1: 0, o2: 0 } };
    const { decision, routingState } = decideAt(t0, salesReadyLead({ ownerId: 'o2' }), null, state);
    expect(decision.routing).toEqual({ ownerId: 'o2', poolId: null, explanation: 'kept existing owner Sam Chen' });
    expect(routingState).toBe(state);
  });

  test('a CRM owner who is away, or unknown, is replaced', () => {
    expect(decideAt(t0, salesReadyLead({ ownerId: 'o3' })).decision.ownerId).toBe('o1');
    expect(decideAt(t0, salesReadyLead({ ownerId: 'left-the-company' })).decision.ownerId).toBe('o1');
  });

  test('respectExistingOwner off: the CRM owner is routed over', () => {
    const definition = definitionSchema.parse({ ...defaultDefinition, routing: { ...defaultDefinition.routing, respectExistingOwner: false } });
    const decision = decide(salesReadyLead({ ownerId: 'o2' }), definition, { owners, routingState: {}, previous: null }, t0);
    expect(decision.routing?.poolId).toBe('east');
    expect(decision.ownerId).toBe('o1');
  });

  test('a re-score keeps the previous routing (our own write echoing back as the CRM owner)', () => {
    const first = decideAt(t0, salesReadyLead());
    const again = decideAt(hoursAfter(2), salesReadyLead({ ownerId: 'o1' }), first.decision, first.routingState);
    expect(again.decision.routing).toEqual(first.decision.routing);
    expect(again.decision.why).toBe(first.decision.why);
    expect(again.routingState).toBe(first.routingState);
  });

  test('a rep reassigning the lead in the CRM wins over the previous routing', () => {
    const first = decideAt(t0, salesReadyLead());
    const again = decideAt(hoursAfter(2), salesReadyLead({ ownerId: 'o2' }), first.decision, first.routingState);
    expect(again.decision.routing?.explanation).toBe('kept existing owner Sam Chen');
  });

  test('no available owner: the lead stays sales-ready, unowned, and the why says why', () => {
    const away = owners.map((o) => ({ ...o, available: false }));
    const { decision } = decideAt(t0, salesReadyLead(), null, {}, away);
    expect(decision).toMatchObject({ stage: 'sales_ready', ownerId: null });
    // An owner already on the record is left there, not cleared.
    expect(decideAt(t0, salesReadyLead({ ownerId: 'o3' }), null, {}, away).decision.ownerId).toBe('o3');
    expect(decision.why).toContain('\nNot routed: territory East, segment commercial: no available owner in any pool');
  });

  test('does not touch the routing state it is given', () => {
    const state = Object.freeze({ east: Object.freeze({ o1: 0, o2: 0 }) }) as RoutingState;
    decideAt(t0, salesReadyLead(), null, state);
    expect(state).toEqual({ east: { o1: 0, o2: 0 } });
  });
});

describe('decide: SLA clock', () => {
  test('re-scoring the same lead for the same owner keeps routedAt and the due time', () => {
    const first = decideAt(t0, salesReadyLead());
    expect(first.decision).toMatchObject({ routedAt: '2026-03-01T12:00:00.000Z', slaDueAt: '2026-03-02T12:00:00.000Z' });
    const later = decideAt(hoursAfter(5), salesReadyLead({ ownerId: 'o1', activity: [signal('demo_request', 2)] }), first.decision);
    expect(later.decision).toMatchObject({ routedAt: '2026-03-01T12:00:00.000Z', slaDueAt: '2026-03-02T12:00:00.000Z' });
  });

  test('turning hot brings the due time forward, measured from the original hand-over', () => {
    const first = decideAt(t0, salesReadyLead());
    const hot = salesReadyLead({ ownerId: 'o1', activity: [signal('demo_request', 1), signal('pricing_page_view', 1)] });
    const later = decideAt(hoursAfter(0.5), hot, first.decision);
    expect(later.decision).toMatchObject({ slaTier: 'hot', routedAt: '2026-03-01T12:00:00.000Z', slaDueAt: '2026-03-01T13:00:00.000Z' });
  });

  test('a new owner starts a new clock', () => {
    const first = decideAt(t0, salesReadyLead());
    const maria = owners.map((o) => (o.id === 'o1' ? { ...o, available: false } : o));
    const later = decideAt(hoursAfter(3), salesReadyLead({ ownerId: 'o1' }), first.decision, first.routingState, maria);
    expect(later.decision.ownerId).toBe('o2');
    expect(later.decision).toMatchObject({ routedAt: '2026-03-01T15:00:00.000Z', slaDueAt: '2026-03-02T15:00:00.000Z' });
  });

  test('a lead that drops out of sales-ready loses its SLA, and a later return starts afresh', () => {
    const first = decideAt(t0, salesReadyLead());
    const cooled = decideAt(hoursAfter(1), salesReadyLead({ activity: [] }), first.decision);
    expect(cooled.decision).toMatchObject({ stage: 'mql', slaDueAt: null, routedAt: null, slaTier: null });
    const back = decideAt(hoursAfter(2), salesReadyLead(), cooled.decision);
    expect(back.decision.routedAt).toBe('2026-03-01T14:00:00.000Z');
  });
});
