import fc from 'fast-check';
import { applyEscalation } from '../../../src/core/apply-escalation';
import { assignedCount, tallyKeys } from '../../../src/core/assignment-tally';
import { decideWithRouting } from '../../../src/core/decide';
import type { Decision } from '../../../src/core/decision';
import { defaultDefinition } from '../../../src/core/default-definition';
import type { Definition } from '../../../src/core/definition';
import type { Owner } from '../../../src/core/owner';
import { isOwnerAvailable } from '../../../src/core/owner-availability';
import { planEscalation } from '../../../src/core/plan-escalation';
import type { RoutingState } from '../../../src/core/routing-state';
import { stampEscalation } from '../../../src/core/stamp-escalation';
import { makeOwner } from '../make-lead';
import { definitionWithSla, hourMs, salesReadyLead } from './loop-fixtures';

const t0 = new Date('2026-03-02T15:00:00.000Z');
const at = (hours: number) => new Date(t0.getTime() + hours * hourMs);
const team: Owner[] = [
  makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] }),
  makeOwner('o2', { name: 'Sam Chen', teams: ['East'] }),
  makeOwner('o3', { name: 'Ada Byrne', teams: ['East'] }),
  makeOwner('m1', { name: 'Maya Manager', teams: [] }),
];
const withManager = (definition: Definition): Definition => ({
  ...definition,
  routing: {
    ...definition.routing,
    pools: definition.routing.pools.map((p) => (p.id === 'east' ? { ...p, managerOwnerId: 'm1' } : p)),
  },
});
const reassignNext = withManager(definitionWithSla({ escalation: { action: 'reassign_next', maxReassignments: 2 } }));

/** A lead routed to Maria at t0 with a 24 h SLA, and the routing state after it. */
function routedToMaria(definition: Definition = reassignNext, owners: Owner[] = team) {
  return decideWithRouting(salesReadyLead(), definition, { owners, routingState: {}, previous: null }, t0);
}

describe('planEscalation', () => {
  test('nothing to do before the due time', () => {
    const { decision, routingState } = routedToMaria();
    expect(decision.slaDueAt).toBe(at(24).toISOString());
    expect(planEscalation(decision, reassignNext, team, routingState, at(23.9))).toBeNull();
  });

  test('a breach hands the lead to the next owner in the pool, never back to the one who breached', () => {
    const { decision, routingState } = routedToMaria();
    const plan = planEscalation(decision, reassignNext, team, routingState, at(25))!;
    expect(plan).toMatchObject({
      action: 'reassign_next',
      newOwnerId: 'o2',
      poolId: 'east',
      newSlaDueAt: at(49).toISOString(),
      explanation: 'Escalated: SLA breached at 2026-03-03 15:00 UTC, reassigned from Maria Lopez to Sam Chen',
      escalation: { breachedAt: at(24).toISOString(), escalatedAt: at(25).toISOString(), fromOwnerId: 'o1', toOwnerId: 'o2' },
    });
    // The round robin moved and the new owner's tally counts the lead.
    expect(assignedCount(plan.newRoutingState, tallyKeys(at(25).getTime(), 'UTC').day, 'o2')).toBe(1);
    expect(routingState).toEqual(routedToMaria().routingState);
  });

  test('the escalated decision keeps its new owner, clock and why through the next re-score', () => {
    const { decision, routingState } = routedToMaria();
    const plan = planEscalation(decision, reassignNext, team, routingState, at(25))!;
    const escalated = applyEscalation(decision, plan, team);
    expect(escalated).toMatchObject({ ownerId: 'o2', routedAt: at(25).toISOString(), slaDueAt: at(49).toISOString(), decidedAt: at(25).toISOString() });
    const lines = escalated.why.split('\n');
    expect(lines.slice(-2)).toEqual([
      'Routed to Sam Chen: SLA escalation, pool East: round robin (weight 1 of 2)',
      'Escalated: SLA breached at 2026-03-03 15:00 UTC, reassigned from Maria Lopez to Sam Chen',
    ]);
    // Our write of the new owner echoes back; re-scoring changes nothing a rep would see.
    const echo = decideWithRouting(salesReadyLead({ ownerId: 'o2' }), reassignNext, { owners: team, routingState: plan.newRoutingState, previous: escalated }, at(26));
    expect(echo.decision).toMatchObject({ ownerId: 'o2', why: escalated.why, routedAt: escalated.routedAt, slaDueAt: escalated.slaDueAt });
    expect(echo.decision.escalations).toEqual(escalated.escalations);
    // The same breach is not escalated twice.
    expect(planEscalation(escalated, reassignNext, team, plan.newRoutingState, at(26))).toBeNull();
  });

  test('a second breach skips everyone who already breached, then the limit stops the moving', () => {
    const { decision, routingState } = routedToMaria();
    const first = planEscalation(decision, reassignNext, team, routingState, at(25))!;
    const withSam = applyEscalation(decision, first, team);
    const second = planEscalation(withSam, reassignNext, team, first.newRoutingState, at(50))!;
    expect(second).toMatchObject({ newOwnerId: 'o3' });
    const withAda = applyEscalation(withSam, second, team);
    const third = planEscalation(withAda, reassignNext, team, second.newRoutingState, at(75))!;
    expect(third).toMatchObject({ action: 'alert_only', newOwnerId: null, newSlaDueAt: withAda.slaDueAt });
    expect(third.explanation).toBe('Escalated: SLA breached at 2026-03-05 17:00 UTC; alert sent, still with Ada Byrne (reassignment limit of 2 reached)');
  });

  test('nobody else available: alert only, and say why', () => {
    const alone = team.map((o) => (o.id === 'o2' || o.id === 'o3' ? { ...o, outOfOffice: { from: at(20).toISOString(), until: null } } : o));
    const { decision, routingState } = routedToMaria();
    const plan = planEscalation(decision, reassignNext, alone, routingState, at(25))!;
    expect(plan).toMatchObject({ action: 'alert_only', newOwnerId: null });
    expect(plan.explanation).toContain('(nobody else available in pool East)');
  });

  test("pool_manager hands the lead to the pool's manager", () => {
    const definition = withManager(definitionWithSla({ escalation: { action: 'pool_manager', maxReassignments: 1 } }));
    const { decision, routingState } = routedToMaria(definition);
    const plan = planEscalation(decision, definition, team, routingState, at(25))!;
    expect(plan).toMatchObject({ action: 'pool_manager', newOwnerId: 'm1', routingExplanation: 'SLA escalation: manager of pool East' });
    expect(plan.explanation).toBe('Escalated: SLA breached at 2026-03-03 15:00 UTC, reassigned from Maria Lopez to Maya Manager, the pool manager');
  });

  test('alert_only moves nothing, stamps the why once, and does not alert again for the same breach', () => {
    const definition = definitionWithSla({ escalation: { action: 'alert_only', maxReassignments: 0 } });
    const { decision, routingState } = routedToMaria(definition);
    const plan = planEscalation(decision, definition, team, routingState, at(25))!;
    expect(plan).toMatchObject({ action: 'alert_only', newOwnerId: null, newRoutingState: routingState, newSlaDueAt: decision.slaDueAt });
    const alerted = applyEscalation(decision, plan, team);
    expect(alerted).toMatchObject({ ownerId: 'o1', slaDueAt: decision.slaDueAt, routing: decision.routing });
    expect(alerted.why.split('\n').slice(-2)).toEqual([
      'Routed to Maria Lopez: territory East, segment commercial, pool East: round robin (weight 1 of 3)',
      'Escalated: SLA breached at 2026-03-03 15:00 UTC; alert sent, still with Maria Lopez',
    ]);
    expect(planEscalation(alerted, definition, team, routingState, at(30))).toBeNull();
    const rescored = decideWithRouting(salesReadyLead({ ownerId: 'o1' }), definition, { owners: team, routingState, previous: alerted }, at(31));
    expect(rescored.decision.why).toBe(alerted.why);
  });

  test("the new due time follows the new owner's business hours", () => {
    const definition = withManager(
      definitionWithSla({
        escalation: { action: 'reassign_next', maxReassignments: 1 },
        businessHours: { enabled: true, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      }),
    );
    const owners = team.map((o) => ({ ...o, timeZone: 'America/New_York' }));
    const { decision, routingState } = routedToMaria(definition, owners);
    // Routed Monday 10:00 EST: 24 business hours later is Thursday 10:00 EST.
    expect(decision.slaDueAt).toBe('2026-03-05T15:00:00.000Z');
    const plan = planEscalation(decision, definition, owners, routingState, new Date('2026-03-05T16:00:00.000Z'))!;
    // Escalated Thursday 11:00 EST: 6 h Thursday, 8 Friday, 8 Monday 9 March (now EDT), 2 Tuesday → 11:00 EDT.
    expect(plan.newSlaDueAt).toBe('2026-03-10T15:00:00.000Z');
    expect(plan.explanation).toContain('SLA breached at 2026-03-05 10:00 UTC-05:00');
  });
});

describe('stampEscalation', () => {
  test('replaces an earlier escalation line and the routing line, keeping the rest', () => {
    const why = 'Sales ready (score 85/100): VP Sales.\n+ Title match (+30): title: VP Sales\nRouted to A: x\nEscalated: old';
    expect(stampEscalation(why, 'Routed to B: y', 'Escalated: new')).toBe(
      'Sales ready (score 85/100): VP Sales.\n+ Title match (+30): title: VP Sales\nRouted to B: y\nEscalated: new',
    );
    expect(stampEscalation(why, null, 'Escalated: new')).toBe(
      'Sales ready (score 85/100): VP Sales.\n+ Title match (+30): title: VP Sales\nRouted to A: x\nEscalated: new',
    );
  });
});

describe('planEscalation (properties)', () => {
  const ownersArb = fc
    .array(fc.boolean(), { minLength: 4, maxLength: 4 })
    .map((available) => ['o1', 'o2', 'o3', 'o4'].map((id, i) => makeOwner(id, { teams: ['East'], available: available[i] ?? true })));
  const capsArb = fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { minLength: 4, maxLength: 4 });
  const stateArb: fc.Arbitrary<RoutingState> = fc.dictionary(fc.constantFrom('o1', 'o2', 'o3', 'o4'), fc.integer({ min: -6, max: 6 })).map((east) => ({ east }));

  test('an escalation never gives the lead back to the owner who breached, nor to anyone away or at cap', () => {
    fc.assert(
      fc.property(ownersArb, capsArb, stateArb, fc.constantFrom('o1', 'o2', 'o3', 'o4'), fc.integer({ min: 0, max: 3 }), (owners, caps, state, current, tallied) => {
        const members = owners.map((o, i) => ({ ownerId: o.id, weight: 1 + i, dailyCap: caps[i] ?? null, monthlyCap: null }));
        const definition: Definition = {
          ...reassignNext,
          routing: { ...reassignNext.routing, pools: [{ id: 'east', name: 'East', regions: [], segments: [], members, team: null, managerOwnerId: null }] },
        };
        const day = tallyKeys(at(25).getTime(), 'UTC').day;
        const routingState: RoutingState = { ...state, [day]: { o2: tallied, o3: tallied } };
        const decision: Decision = {
          ...routedToMaria().decision,
          ownerId: current,
          routing: { ownerId: current, poolId: 'east', explanation: 'x' },
        };
        const plan = planEscalation(decision, definition, owners, routingState, at(25));
        expect(plan).not.toBeNull();
        if (plan === null || plan.newOwnerId === null) return;
        expect(plan.newOwnerId).not.toBe(current);
        const owner = owners.find((o) => o.id === plan.newOwnerId)!;
        expect(isOwnerAvailable(owner, at(25).getTime())).toBe(true);
        const cap = members.find((m) => m.ownerId === plan.newOwnerId)?.dailyCap ?? null;
        if (cap !== null) expect(assignedCount(plan.newRoutingState, day, plan.newOwnerId)).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 300 },
    );
  });
});

test('the default definition escalates to the next owner, at most twice', () => {
  expect(defaultDefinition.sla.escalation).toEqual({ action: 'reassign_next', maxReassignments: 2 });
});
