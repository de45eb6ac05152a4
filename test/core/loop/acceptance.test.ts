import { decide } from '../../../src/core/decide';
import type { Decision } from '../../../src/core/decision';
import { defaultDefinition } from '../../../src/core/default-definition';
import { detectAcceptance } from '../../../src/core/detect-acceptance';
import type { Lead } from '../../../src/core/lead';
import { slaState } from '../../../src/core/sla-state';
import { makeOwner } from '../make-lead';
import { definitionWith, hourMs, salesReadyLead } from './loop-fixtures';

const routedAt = new Date('2026-03-02T15:00:00.000Z');
const later = (hours: number) => new Date(routedAt.getTime() + hours * hourMs);
const owners = [makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] })];
const routed: Decision = decide(salesReadyLead(), defaultDefinition, { owners, routingState: {}, previous: null }, routedAt);

describe('detectAcceptance', () => {
  test('the routed lead is waiting for sales', () => {
    expect(routed).toMatchObject({ stage: 'sales_ready', ownerId: 'o1', routedAt: routedAt.toISOString(), acceptedAt: null });
    expect(detectAcceptance(routed, salesReadyLead({ ownerId: 'o1' }), defaultDefinition, later(1))).toBeNull();
  });

  test('a working status is a first touch, dated when seen', () => {
    expect(detectAcceptance(routed, salesReadyLead({ status: 'Working - Contacted' }), defaultDefinition, later(2))).toEqual({
      acceptedAt: later(2).toISOString(),
      timeToFirstTouchMs: 2 * hourMs,
      by: 'status',
    });
  });

  test('a call or email logged after the hand-over is a first touch, dated when it happened', () => {
    const lead = salesReadyLead({ raw: { notes_last_contacted: later(0.5).toISOString() } });
    expect(detectAcceptance(routed, lead, defaultDefinition, later(3))).toEqual({
      acceptedAt: later(0.5).toISOString(),
      timeToFirstTouchMs: 0.5 * hourMs,
      by: 'touch',
    });
    // HubSpot also sends epoch milliseconds.
    const epoch = salesReadyLead({ raw: { hs_last_sales_activity_timestamp: String(later(0.25).getTime()) } });
    expect(detectAcceptance(routed, epoch, defaultDefinition, later(3))?.timeToFirstTouchMs).toBe(0.25 * hourMs);
  });

  test('a touch from before the hand-over says nothing about this one', () => {
    const lead = salesReadyLead({ raw: { notes_last_contacted: '2025-11-20T10:00:00.000Z' } });
    expect(detectAcceptance(routed, lead, defaultDefinition, later(3))).toBeNull();
  });

  test('no new acceptance when already accepted or rejected', () => {
    const accepted = { ...routed, stage: 'sql' as const };
    expect(detectAcceptance(accepted, salesReadyLead({ status: 'working' }), defaultDefinition, later(1))).toBeNull();
    expect(detectAcceptance(routed, salesReadyLead({ status: 'working', rejectionReason: 'no_budget' }), defaultDefinition, later(1))).toBeNull();
  });

  test("uses the definition's working statuses, not a fixed list", () => {
    const definition = definitionWith({ acceptance: { workingStatuses: ['Attempted to contact'], touchFields: [] } });
    expect(detectAcceptance(routed, salesReadyLead({ status: 'ATTEMPTED_TO_CONTACT' }), definition, later(1))?.by).toBe('status');
    expect(detectAcceptance(routed, salesReadyLead({ status: 'working' }), definition, later(1))).toBeNull();
  });

  test('a lead never handed over has no time to first touch', () => {
    expect(detectAcceptance(null, salesReadyLead({ status: 'in_progress' }), defaultDefinition, later(1))?.timeToFirstTouchMs).toBeNull();
  });
});

describe('decide: acceptance', () => {
  const decideLater = (lead: Lead, previous: Decision, hours: number) =>
    decide(lead, defaultDefinition, { owners, routingState: {}, previous }, later(hours));

  test('the first touch makes the lead sales-accepted, records when, and stops the SLA clock', () => {
    const touched = decideLater(salesReadyLead({ ownerId: 'o1', raw: { notes_last_contacted: later(0.5).toISOString() } }), routed, 1);
    expect(touched).toMatchObject({ stage: 'sql', acceptedAt: later(0.5).toISOString(), slaDueAt: null, routedAt: routedAt.toISOString() });
    expect(touched.why.split('\n')[0]).toBe('Sales accepted (score 85/100): a rep logged a call or email at 2026-03-02 15:30 UTC.');
    expect(slaState(touched, later(30), 0.25)).toBeNull();
    // Acceptance sticks, with its time, on later re-scores.
    const again = decideLater(salesReadyLead({ ownerId: 'o1' }), touched, 5);
    expect(again).toMatchObject({ stage: 'sql', acceptedAt: later(0.5).toISOString() });
  });

  test("decide uses the definition's working statuses", () => {
    const definition = definitionWith({ acceptance: { workingStatuses: ['Attempted to contact'], touchFields: [] } });
    const context = { owners, routingState: {}, previous: null };
    expect(decide(salesReadyLead({ status: 'Attempted to contact' }), definition, context, routedAt).stage).toBe('sql');
    expect(decide(salesReadyLead({ status: 'in_progress' }), definition, context, routedAt).stage).toBe('sales_ready');
  });

  test('an accepted decision stored before acceptedAt existed still loads, as accepted at an unknown time', () => {
    const { acceptedAt: _dropped, rejection: _r, escalations: _e, ...stored } = decideLater(salesReadyLead({ status: 'working' }), routed, 1);
    const legacy = JSON.parse(JSON.stringify(stored)) as Decision;
    expect(decideLater(salesReadyLead(), legacy, 2)).toMatchObject({ stage: 'sql', acceptedAt: null });
  });
});

describe('slaState', () => {
  const standard = routed; // due 24 h after the hand-over

  test('on track, due soon in the last quarter, breached at the due time', () => {
    expect(slaState(standard, later(1), 0.25)).toBe('on_track');
    expect(slaState(standard, later(17.9), 0.25)).toBe('on_track');
    expect(slaState(standard, later(18), 0.25)).toBe('due_soon');
    expect(slaState(standard, later(24), 0.25)).toBe('breached');
  });

  test('no SLA running: not with sales, or already accepted', () => {
    expect(slaState({ ...standard, stage: 'mql', slaDueAt: null }, later(30), 0.25)).toBeNull();
    expect(slaState({ ...standard, acceptedAt: later(1).toISOString() }, later(30), 0.25)).toBeNull();
  });
});
