import fc from 'fast-check';
import { decide, decideWithRouting } from '../../src/core/decide';
import type { Decision } from '../../src/core/decision';
import { defaultDefinition } from '../../src/core/default-definition';
import { buyerTitleWords, nonBuyerTitleWords } from '../../src/core/default-title-words';
import { definitionSchema, type Definition } from '../../src/core/definition';
import { activityKinds, type ActivitySignal, type Lead } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import { stages } from '../../src/core/stage';
import { makeLead, makeOwner } from './make-lead';

const now = new Date('2026-03-01T12:00:00.000Z');
const dayMs = 86_400_000;

const isoTime = fc
  .integer({ min: now.getTime() - 400 * dayMs, max: now.getTime() + 5 * dayMs })
  .map((ms) => new Date(ms).toISOString());
const title = fc.oneof(
  fc.constantFrom(null, '', 'VP Sales', 'CTO', 'Student', 'Software Engineer', 'Head of IT', 'Marketing Intern'),
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom(...buyerTitleWords, ...nonBuyerTitleWords, 'of', 'sales', 'engineer', 'actor'), { maxLength: 4 }).map((w) => w.join(' ')),
);
const domain = fc.constantFrom('acme-industries.com', 'gmail.com', 'mailinator.com', 'rival.io', 'yahoo.co.uk', 'beta.de');
const email = fc.oneof(fc.constant(null), domain.map((d) => `pat@${d}`), fc.string({ maxLength: 30 }));
const phone = fc.oneof(
  fc.constant(null),
  fc.constantFrom('+1 415 867 5309', '+49 30 901820', '0000000', '1234567', '555-0142', 'n/a'),
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
);
const activity = fc.array(
  fc.record({ kind: fc.constantFrom(...activityKinds), count: fc.integer({ min: 0, max: 30 }), lastAt: fc.option(isoTime) }),
  { maxLength: 8 },
);

const leadArbitrary: fc.Arbitrary<Lead> = fc
  .record({
    email,
    title,
    phone,
    company: fc.option(fc.constantFrom('Acme', 'Beta GmbH', '')),
    employees: fc.option(fc.integer({ min: 0, max: 100_000 })),
    country: fc.option(fc.constantFrom('United States', 'USA', 'Germany', 'Japan', 'Brazil', 'Philipines', 'Atlantis', '')),
    state: fc.option(fc.constantFrom('CA', 'US-NY', 'Texas', 'ON', '')),
    status: fc.option(fc.constantFrom('NEW', 'in_progress', 'Working - Contacted', 'UNQUALIFIED')),
    ownerId: fc.option(fc.constantFrom('o1', 'o2', 'o3', 'gone')),
    doNotContact: fc.boolean(),
    rejectionReason: fc.option(fc.constantFrom('no_budget', 'student', 'Wrong fit'), { freq: 6 }),
    rejectionNote: fc.option(fc.string({ maxLength: 300 })),
    activity,
  })
  .map(({ email, ...rest }) => makeLead({ ...rest, email, domain: email?.includes('@') ? (email.split('@')[1] ?? null) : null }));

const ownersArbitrary: fc.Arbitrary<Owner[]> = fc
  .tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
  .map((available) =>
    ['West', 'Central', 'East', 'East'].map((team, i) => makeOwner(`o${i + 1}`, { teams: [team], available: available[i] ?? true })),
  );

/** Sometimes an earlier decision for the same record, made from different facts a few days before. */
function previousDecision(earlier: Lead | null, definition: Definition, owners: Owner[]): Decision | null {
  if (earlier === null) return null;
  return decide(earlier, definition, { owners, routingState: {}, previous: null }, new Date(now.getTime() - 3 * dayMs));
}

/** Perturbed weights, thresholds and half-life of the default definition, still valid. */
const definitionArbitrary: fc.Arbitrary<Definition> = fc
  .record({
    criterionPoints: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    signalPoints: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
    maxPoints: fc.double({ min: 1, max: 100, noNaN: true }),
    halfLifeDays: fc.double({ min: 0.5, max: 365, noNaN: true }),
    thresholds: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    minIntentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    maxMissingRequired: fc.integer({ min: 1, max: 6 }),
    sla: fc.tuple(fc.integer({ min: 1, max: 720 }), fc.integer({ min: 1, max: 720 })),
  })
  .map((p) =>
    definitionSchema.parse({
      ...defaultDefinition,
      criteria: defaultDefinition.criteria.map((c, i) => ({ ...c, points: p.criterionPoints[i] ?? c.points })),
      intent: {
        ...defaultDefinition.intent,
        maxPoints: p.maxPoints,
        halfLifeDays: p.halfLifeDays,
        signals: defaultDefinition.intent.signals.map((s, i) => ({ ...s, points: p.signalPoints[i] ?? s.points })),
      },
      thresholds: { mql: Math.min(...p.thresholds), salesReady: Math.max(...p.thresholds) },
      autoAccept: { criteria: ['title_match', 'company_size'], minIntentShare: p.minIntentShare },
      maxMissingRequired: p.maxMissingRequired,
      sla: { hotHours: p.sla[0], standardHours: p.sla[1] },
    }),
  );

function expectValidDecision(decision: Decision, definition: Definition): void {
  for (const score of [decision.score, decision.fitScore, decision.intentScore]) {
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
  }
  expect(decision.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(decision.score);
  decision.reasons.forEach((r) => expect(Number.isInteger(r.points)).toBe(true));
  expect(stages).toContain(decision.stage);
  expect(decision.why.length).toBeLessThanOrEqual(1200);
  if (decision.stage === 'disqualified') expect(decision.score).toBe(0);
  if (decision.disqualifiedBy.length > 0) expect(decision.score).toBe(0);
  if (decision.stage === 'sales_ready') {
    expect(decision.score >= definition.thresholds.salesReady || decision.autoAccepted).toBe(true);
    expect(decision.slaDueAt).not.toBeNull();
    expect(Date.parse(decision.slaDueAt!)).toBeGreaterThan(Date.parse(decision.routedAt!));
  } else {
    expect(decision).toMatchObject({ slaDueAt: null, slaTier: null, routing: null, autoAccepted: false });
  }
  if (decision.stage === 'mql') {
    expect(decision.score).toBeGreaterThanOrEqual(definition.thresholds.mql);
    expect(decision.score).toBeLessThan(definition.thresholds.salesReady);
  }
}

describe('decide (properties)', () => {
  test('scores are integers within 0–100 and the reasons add up exactly to the score', () => {
    fc.assert(
      fc.property(leadArbitrary, ownersArbitrary, fc.option(leadArbitrary, { freq: 3 }), (lead, owners, earlier) => {
        const previous = previousDecision(earlier, defaultDefinition, owners);
        expectValidDecision(decide(lead, defaultDefinition, { owners, routingState: {}, previous }, now), defaultDefinition);
      }),
      { numRuns: 500 },
    );
  });

  test('the same input gives the same decision, and the input is left untouched', () => {
    fc.assert(
      fc.property(leadArbitrary, ownersArbitrary, fc.option(leadArbitrary, { freq: 3 }), (lead, owners, earlier) => {
        const previous = previousDecision(earlier, defaultDefinition, owners);
        const context = { owners, routingState: { east: { o3: 1, o4: -1 } }, previous };
        const snapshot = structuredClone({ lead, context });
        const first = decideWithRouting(lead, defaultDefinition, context, now);
        expect({ lead, context }).toEqual(snapshot);
        expect(decideWithRouting(structuredClone(lead), defaultDefinition, structuredClone(context), now)).toEqual(first);
      }),
    );
  });

  test('more positive evidence never lowers the fit or intent score', () => {
    const evidence = fc.constantFrom<(lead: Lead) => Lead>(
      (lead) => ({ ...lead, title: `VP ${lead.title ?? ''}` }),
      (lead) => ({ ...lead, employees: 120 }),
      (lead) => ({ ...lead, activity: [...lead.activity, { kind: 'page_view', count: 10, lastAt: null } as ActivitySignal] }),
      (lead) => ({ ...lead, activity: [...lead.activity, { kind: 'demo_request', count: 1, lastAt: now.toISOString() } as ActivitySignal] }),
      (lead) => ({ ...lead, activity: [...lead.activity, { kind: 'form_submission', count: 2, lastAt: null } as ActivitySignal] }),
    );
    fc.assert(
      fc.property(leadArbitrary, evidence, definitionArbitrary, (lead, addEvidence, definition) => {
        const context = { owners: [], routingState: {}, previous: null };
        const before = decide(lead, definition, context, now);
        const after = decide(addEvidence(lead), definition, context, now);
        expect(after.fitScore).toBeGreaterThanOrEqual(before.fitScore);
        expect(after.intentScore).toBeGreaterThanOrEqual(before.intentScore);
      }),
      { numRuns: 300 },
    );
  });

  test('decisions stay valid for definitions with perturbed weights and thresholds', () => {
    fc.assert(
      fc.property(leadArbitrary, definitionArbitrary, ownersArbitrary, fc.option(leadArbitrary, { freq: 3 }), (lead, definition, owners, earlier) => {
        const previous = previousDecision(earlier, definition, owners);
        expectValidDecision(decide(lead, definition, { owners, routingState: {}, previous }, now), definition);
      }),
      { numRuns: 300 },
    );
  });
});
