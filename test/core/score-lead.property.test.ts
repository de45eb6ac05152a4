import fc from 'fast-check';
import { clip } from '../../src/core/clip';
import { compileDefinition } from '../../src/core/compile-definition';
import { defaultDefinition } from '../../src/core/default-definition';
import type { Definition } from '../../src/core/definition';
import { evaluatePredicate } from '../../src/core/evaluate-predicate';
import type { Lead } from '../../src/core/lead';
import type { Predicate } from '../../src/core/predicate';
import { predicateFields } from '../../src/core/predicate-fields';
import { readLeadField } from '../../src/core/read-lead-field';
import { scoreLead } from '../../src/core/score-lead';
import { utcDayText } from '../../src/core/utc-day-text';
import { makeLead } from './make-lead';

const now = new Date('2026-03-01T12:00:00.000Z');

// The default definition plus a criterion over several fields, raw properties among them, so the
// compiled evidence writer's multi-field path is exercised as well as the single-field one.
const definition: Definition = {
  ...defaultDefinition,
  criteria: [
    ...defaultDefinition.criteria,
    {
      id: 'software_buyer',
      label: 'Software buyer',
      kind: 'fit',
      points: 5,
      when: { all: [{ field: 'industry', op: 'eq', value: 'software' }, { any: [{ field: 'raw.plan', op: 'in', value: ['pro', 'team'] }, { field: 'employees', op: 'gte', value: 20 }] }] },
    },
  ],
};

const text = fc.oneof(fc.constant(null), fc.constant(''), fc.constant('  '), fc.string({ maxLength: 80 }));
const leadArbitrary: fc.Arbitrary<Lead> = fc
  .record({
    email: fc.oneof(text, fc.constantFrom('pat@acme.com', 'pat@gmail.com', 'x@rival.io', 'bad@', '@x.com')),
    title: fc.oneof(text, fc.constantFrom('VP Sales', 'Student', 'Head of IT')),
    phone: fc.oneof(text, fc.constantFrom('+1 415 867 5309', '0000000', '555-0142')),
    industry: fc.oneof(text, fc.constant('Software')),
    employees: fc.option(fc.integer({ min: -5, max: 100_000 })),
    country: fc.oneof(text, fc.constantFrom('United States', 'Germany', 'Atlantis')),
    doNotContact: fc.boolean(),
    plan: fc.option(fc.constantFrom('pro', 'free', ' Team ')),
  })
  .map(({ plan, ...fields }) => makeLead({ ...fields, raw: plan === null ? {} : { plan } }));

/** The evidence text as it was written before it was compiled per definition: the reference. */
function referenceEvidence(predicate: Predicate, lead: Lead): string {
  return predicateFields(predicate)
    .map((field) => {
      const value = readLeadField(lead, field);
      const shown = value === null || (typeof value === 'string' && value.trim() === '') ? 'unknown' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : clip(String(value).trim(), 60);
      return `${field}: ${shown}`;
    })
    .join(', ');
}

describe('scoreLead with rules compiled per definition', () => {
  it('says of every criterion and disqualifier exactly what evaluating its predicate and reading its fields says', () => {
    const compiled = compileDefinition(definition);
    fc.assert(
      fc.property(leadArbitrary, (lead) => {
        const sheet = scoreLead(lead, definition, compiled, now);
        for (const criterion of definition.criteria) {
          const reason = sheet.reasons.find((r) => r.criterionId === criterion.id);
          expect(reason?.met).toBe(evaluatePredicate(criterion.when, lead, compiled.lists));
          expect(reason?.evidence).toBe(referenceEvidence(criterion.when, lead));
        }
        const held = definition.disqualifiers.filter((d) => evaluatePredicate(d.when, lead, compiled.lists));
        expect(sheet.disqualifiedBy).toEqual(held.map((d) => d.id));
        for (const disqualifier of held) {
          expect(sheet.reasons.find((r) => r.criterionId === disqualifier.id)?.evidence).toBe(referenceEvidence(disqualifier.when, lead));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('dates activity by its UTC day, as toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }), (ms) => {
        expect(utcDayText(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
  });
});
