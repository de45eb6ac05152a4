import { accordFieldsOf, changedAccordFields } from '../../src/core/accord-field-changes';
import { decide } from '../../src/core/decide';
import { defaultDefinition } from '../../src/core/default-definition';
import { emptyAccordFields, type AccordFields } from '../../src/core/lead';
import { makeLead, makeOwner, signal } from './make-lead';

const next: AccordFields = {
  score: 85,
  stage: 'sales_ready',
  why: 'Sales ready (score 85/100): VP Sales.\n+ Title match (+30): title: VP Sales',
  definitionVersion: 3,
  slaDueAt: '2026-01-01T00:00:00.000Z',
  ownerId: '42',
};

describe('changedAccordFields', () => {
  test('a record never written gets every field that has a value', () => {
    expect(changedAccordFields(emptyAccordFields, next)).toEqual(next);
  });

  test.each<[string, Partial<AccordFields>]>([
    ['identical values', {}],
    ['the score as text', { score: '85' as unknown as number }],
    ['the SLA time without milliseconds', { slaDueAt: '2026-01-01T00:00:00Z' }],
    ['the SLA time in another zone', { slaDueAt: '2026-01-01T01:00:00+01:00' }],
    ['the why with CRLF line endings and a trailing newline', { why: `${next.why?.replace('\n', '\r\n')}\n` }],
    ['the version as text', { definitionVersion: '3' as unknown as number }],
  ])('nothing to write when the record holds %s', (_, onRecord) => {
    expect(changedAccordFields({ ...next, ...onRecord }, next)).toEqual({});
  });

  test('empty text on the record equals null', () => {
    const current: AccordFields = { ...emptyAccordFields, stage: '', why: '  ', slaDueAt: '', ownerId: '' };
    expect(changedAccordFields(current, emptyAccordFields)).toEqual({});
  });

  test('only the fields that differ', () => {
    const current: AccordFields = { ...next, score: 80, slaDueAt: '2026-01-01T00:00:01Z' };
    expect(changedAccordFields(current, next)).toEqual({ score: 85, slaDueAt: '2026-01-01T00:00:00.000Z' });
  });

  test('clearing a value is a change', () => {
    expect(changedAccordFields(next, { ...next, slaDueAt: null, ownerId: null })).toEqual({ slaDueAt: null, ownerId: null });
  });

  test('garbage in the SLA field is overwritten', () => {
    expect(changedAccordFields({ ...next, slaDueAt: 'soon' }, next)).toEqual({ slaDueAt: next.slaDueAt });
  });
});

describe('accordFieldsOf', () => {
  test('takes the written fields from a decision, and a re-decision writes nothing', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    const lead = makeLead({ title: 'CTO', employees: 80, activity: [signal('demo_request', 1)] });
    const context = { owners: [makeOwner('o1', { teams: ['East'] })], routingState: {}, previous: null };
    const decision = decide(lead, defaultDefinition, context, now);
    const fields = accordFieldsOf(decision);
    expect(fields).toEqual({
      score: decision.score,
      stage: 'sales_ready',
      why: decision.why,
      definitionVersion: 0,
      slaDueAt: '2026-03-02T12:00:00.000Z',
      ownerId: 'o1',
    });
    const echoed = { ...lead, ownerId: 'o1', accord: fields };
    const again = decide(echoed, defaultDefinition, { ...context, previous: decision }, new Date('2026-03-01T13:00:00.000Z'));
    expect(changedAccordFields(echoed.accord, accordFieldsOf(again))).toEqual({});
  });
});
