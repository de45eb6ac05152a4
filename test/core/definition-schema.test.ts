import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema } from '../../src/core/definition';

/** The messages zod reports for a definition, or [] when it is valid. */
function problemsWith(changes: Record<string, unknown>): string[] {
  const result = definitionSchema.safeParse({ ...defaultDefinition, ...changes });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('definitionSchema rejects bad definitions with a clear message', () => {
  test('the default definition is valid', () => {
    expect(problemsWith({})).toEqual([]);
  });

  test('an MQL threshold above the sales-ready threshold', () => {
    expect(problemsWith({ thresholds: { mql: 80, salesReady: 70 } })).toContain(
      'the MQL threshold must not be above the sales-ready threshold',
    );
  });

  test('the same id used twice', () => {
    const [first] = defaultDefinition.criteria;
    expect(problemsWith({ criteria: [...defaultDefinition.criteria, { ...first, label: 'Again' }] })).toContain(
      'criterion id "title_match" is used twice',
    );
  });

  test('an id shared between a criterion and a disqualifier', () => {
    const clash = { id: 'company_size', label: 'Clash', when: { field: 'title', op: 'exists' } };
    expect(problemsWith({ disqualifiers: [...defaultDefinition.disqualifiers, clash] })).toContain(
      'criterion id "company_size" is used twice',
    );
  });

  test('auto-accept naming a criterion that does not exist', () => {
    expect(problemsWith({ autoAccept: { criteria: ['budget_confirmed'], minIntentShare: 0.5 } })).toContain(
      'auto-accept names unknown criterion "budget_confirmed"',
    );
  });

  test.each([[[50]], [[50, 500, 900]], [['50', '500']], [50]])('"between" with %j', (value) => {
    const criteria = [{ id: 'size', label: 'Size', kind: 'fit', points: 10, when: { field: 'employees', op: 'between', value } }];
    expect(problemsWith({ criteria, autoAccept: null })).toContain('operator "between" needs [min, max] numbers');
  });

  test('a list operator without a list', () => {
    const criteria = [{ id: 'role', label: 'Role', kind: 'fit', points: 10, when: { field: 'title', op: 'contains_any_word', value: 'ceo' } }];
    expect(problemsWith({ criteria, autoAccept: null })).toContain('operator "contains_any_word" needs a list value');
  });

  test('a definition that can award no points', () => {
    expect(problemsWith({ criteria: [], intent: { ...defaultDefinition.intent, maxPoints: 0 }, autoAccept: null })).toContain(
      'the criteria must be able to award some points',
    );
  });

  test('an id with capitals or spaces', () => {
    const criteria = [{ ...defaultDefinition.criteria[0], id: 'Title Match' }];
    expect(problemsWith({ criteria, autoAccept: null })).toContain('ids are lower-case letters, digits, "_" or "-"');
  });
});
