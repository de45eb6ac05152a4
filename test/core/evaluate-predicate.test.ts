import { evaluatePredicate } from '../../src/core/evaluate-predicate';
import { comparisonSchema, predicateSchema, type Comparison, type Predicate } from '../../src/core/predicate';
import { emptyPredicateLists, predicateListsOf } from '../../src/core/predicate-lists';
import { makeLead, signal } from './make-lead';

const lead = makeLead({
  title: '  VP, Sales ',
  employees: 120,
  country: 'Germany',
  industry: 'Software',
  doNotContact: false,
  source: null,
  campaign: '   ',
  activity: [signal('page_view', 7), signal('page_view', 5), signal('demo_request', 1)],
  raw: { annual_budget: '25000', newsletter: 'Yes', region_code: null },
});
const holds = (predicate: Predicate) => evaluatePredicate(predicateSchema.parse(predicate), lead, emptyPredicateLists);

describe('evaluatePredicate: comparisons', () => {
  test.each<[Comparison, boolean]>([
    [{ field: 'title', op: 'eq', value: 'vp, sales' }, true],
    [{ field: 'title', op: 'eq', value: 'VP' }, false],
    [{ field: 'employees', op: 'eq', value: 120 }, true],
    [{ field: 'employees', op: 'eq', value: '120' }, true],
    [{ field: 'doNotContact', op: 'eq', value: false }, true],
    [{ field: 'raw.newsletter', op: 'eq', value: true }, true],
    [{ field: 'industry', op: 'neq', value: 'software' }, false],
    [{ field: 'industry', op: 'neq', value: 'retail' }, true],
    [{ field: 'country', op: 'in', value: ['France', 'GERMANY'] }, true],
    [{ field: 'country', op: 'in', value: ['France'] }, false],
    [{ field: 'country', op: 'not_in', value: ['France'] }, true],
    [{ field: 'employees', op: 'in', value: [50, 120] }, true],
    [{ field: 'title', op: 'contains', value: 'SALES' }, true],
    [{ field: 'title', op: 'contains', value: 'marketing' }, false],
    [{ field: 'title', op: 'starts_with', value: 'vp' }, true],
    [{ field: 'title', op: 'ends_with', value: 'sales' }, true],
    [{ field: 'title', op: 'contains_any_word', value: ['cto', 'vp'] }, true],
    [{ field: 'title', op: 'contains_any_word', value: ['sale'] }, false],
    [{ field: 'employees', op: 'gt', value: 119 }, true],
    [{ field: 'employees', op: 'gt', value: 120 }, false],
    [{ field: 'employees', op: 'gte', value: 120 }, true],
    [{ field: 'employees', op: 'lt', value: 120 }, false],
    [{ field: 'employees', op: 'lte', value: 120 }, true],
    [{ field: 'employees', op: 'between', value: [50, 120] }, true],
    [{ field: 'employees', op: 'between', value: [121, 500] }, false],
    [{ field: 'employees', op: 'between', value: [500, 50] }, true],
    [{ field: 'raw.annual_budget', op: 'gte', value: 25000 }, true],
    [{ field: 'raw.annual_budget', op: 'gt', value: 25000 }, false],
    [{ field: 'title', op: 'gt', value: 1 }, false],
    [{ field: 'signals.page_view', op: 'gte', value: 12 }, true],
    [{ field: 'signals.page_view', op: 'gte', value: 13 }, false],
    [{ field: 'signals.webinar', op: 'eq', value: 0 }, true],
    [{ field: 'title', op: 'exists' }, true],
    [{ field: 'doNotContact', op: 'exists' }, true],
    [{ field: 'title', op: 'missing' }, false],
  ])('%j → %s', (comparison, expected) => {
    expect(holds(comparison)).toBe(expected);
  });
});

describe('evaluatePredicate: missing values satisfy nothing but `missing`', () => {
  test.each(['source', 'campaign', 'raw.region_code', 'raw.not_read'])('%s', (field) => {
    expect(holds({ field, op: 'missing' })).toBe(true);
    expect(holds({ field, op: 'exists' })).toBe(false);
    expect(holds({ field, op: 'eq', value: '' })).toBe(false);
    expect(holds({ field, op: 'neq', value: 'x' })).toBe(false);
    expect(holds({ field, op: 'in', value: ['x'] })).toBe(false);
    expect(holds({ field, op: 'not_in', value: ['x'] })).toBe(false);
    expect(holds({ field, op: 'between', value: [0, 100] })).toBe(false);
    expect(holds({ field, op: 'lte', value: 100 })).toBe(false);
    expect(holds({ field, op: 'valid_phone' })).toBe(false);
    expect(holds({ field, op: 'placeholder_phone' })).toBe(false);
  });
});

describe('evaluatePredicate: contact checks and definition lists', () => {
  const lists = predicateListsOf({
    freeMailDomains: ['gmail.com', 'Yahoo.co.uk'],
    competitorDomains: ['rival.io'],
    servedCountries: ['United States', 'Germany'],
  });
  const check = (predicate: Predicate, overrides: Parameters<typeof makeLead>[0]) =>
    evaluatePredicate(predicateSchema.parse(predicate), makeLead(overrides), lists);

  test.each([
    ['pat@acme.com', true],
    ['pat@gmail.com', false],
    ['pat@YAHOO.co.uk', false],
    ['not an email', false],
  ])('business_email %j → %s', (email, expected) => {
    expect(check({ field: 'email', op: 'business_email' }, { email })).toBe(expected);
  });

  test.each([
    ['gmail.com', 'freeMailDomains', true],
    ['acme.com', 'freeMailDomains', false],
    ['eu.rival.io', 'competitorDomains', true],
    ['notrival.io', 'competitorDomains', false],
  ])('in_list: domain %j in %s → %s', (domain, list, expected) => {
    expect(check({ field: 'domain', op: 'in_list', value: list }, { domain })).toBe(expected);
  });

  test('in_list on an email address compares its domain', () => {
    expect(check({ field: 'email', op: 'in_list', value: 'freeMailDomains' }, { email: 'Pat@Gmail.com' })).toBe(true);
  });

  test.each([
    ['USA', false],
    ['u.s.', false],
    ['Deutschland', false],
    ['France', true],
    [null, false],
  ])('not_in_list servedCountries: %j → %s', (country, expected) => {
    expect(check({ field: 'country', op: 'not_in_list', value: 'servedCountries' }, { country })).toBe(expected);
  });

  test('an empty list restricts nothing: a value is neither in it nor outside it', () => {
    const lead = makeLead({ country: 'France', domain: 'gmail.com' });
    const notServed = predicateSchema.parse({ field: 'country', op: 'not_in_list', value: 'servedCountries' });
    const freeMail = predicateSchema.parse({ field: 'domain', op: 'in_list', value: 'freeMailDomains' });
    expect(evaluatePredicate(notServed, lead, emptyPredicateLists)).toBe(false);
    expect(evaluatePredicate(freeMail, lead, emptyPredicateLists)).toBe(false);
  });
});

describe('evaluatePredicate: all / any / not', () => {
  const yes: Predicate = { field: 'title', op: 'exists' };
  const no: Predicate = { field: 'title', op: 'missing' };
  test.each<[Predicate, boolean]>([
    [{ all: [yes, yes] }, true],
    [{ all: [yes, no] }, false],
    [{ any: [no, yes] }, true],
    [{ any: [no, no] }, false],
    [{ not: no }, true],
    [{ not: { all: [yes, { any: [no, { not: no }] }] } }, false],
  ])('%j → %s', (predicate, expected) => {
    expect(holds(predicate)).toBe(expected);
  });
});

describe('predicate schema', () => {
  test.each(['no_such_field', 'signals.phone_call', 'raw.', 'Title'])('rejects the unknown field %j', (field) => {
    const result = comparisonSchema.safeParse({ field, op: 'exists' });
    expect(result.error?.issues.map((i) => i.message)).toContain(
      `unknown field "${field}": use a lead field, signals.<activity> or raw.<property>`,
    );
  });

  test('in_list needs one of the definition list names', () => {
    const result = comparisonSchema.safeParse({ field: 'domain', op: 'in_list', value: 'partnerDomains' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join()).toContain('freeMailDomains, competitorDomains, servedCountries');
  });
});
