import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema, type Definition } from '../../src/core/definition';
import { disposableMailDomains } from '../../src/core/disposable-mail-domains';
import { evaluatePredicate } from '../../src/core/evaluate-predicate';
import { freeMailDomains } from '../../src/core/free-mail-domains';
import type { Lead } from '../../src/core/lead';
import { predicateListsOf } from '../../src/core/predicate-lists';
import { makeLead } from './make-lead';

const criterion = (id: string) => defaultDefinition.criteria.find((c) => c.id === id);
const disqualifier = (id: string, definition: Definition = defaultDefinition) => definition.disqualifiers.find((q) => q.id === id);
const meets = (id: string, lead: Lead) => evaluatePredicate(criterion(id)!.when, lead, predicateListsOf(defaultDefinition));
const disqualifies = (id: string, lead: Lead, definition: Definition = defaultDefinition) =>
  evaluatePredicate(disqualifier(id, definition)!.when, lead, predicateListsOf(definition));

describe('the default definition', () => {
  test('is the worked example: 30 + 25 + 10 points of criteria, intent capped at 35, MQL 40, sales-ready 70', () => {
    expect(defaultDefinition.criteria.map((c) => [c.id, c.points])).toEqual([
      ['title_match', 30],
      ['company_size', 25],
      ['verified_contact', 10],
    ]);
    expect(defaultDefinition.intent.maxPoints).toBe(35);
    expect(defaultDefinition.thresholds).toEqual({ mql: 40, salesReady: 70 });
    expect(defaultDefinition.sla).toMatchObject({ hotHours: 1, standardHours: 24 });
    expect(defaultDefinition.version).toBe(0);
  });

  test('survives a JSON round trip through the schema unchanged', () => {
    expect(definitionSchema.parse(JSON.parse(JSON.stringify(defaultDefinition)))).toEqual(defaultDefinition);
  });

  test('ends its pools with a catch-all that means every available owner', () => {
    const last = defaultDefinition.routing.pools.at(-1);
    expect(last).toMatchObject({ id: 'everyone', regions: [], segments: [], team: null, members: [] });
  });
});

describe('title_match', () => {
  test.each([
    'CEO', 'Chief Revenue Officer', 'Co-Founder', 'Founder & CEO', 'Owner', 'President', 'VP Sales', 'VP, Sales',
    'Vice President Marketing', 'SVP Operations', 'Head of IT', 'IT Director', 'Director of Procurement', 'Partner',
    'Principal Engineer', 'Office Manager', 'Managing Director', 'Geschäftsführer / CEO',
  ])('%j is a buying role', (title) => {
    expect(meets('title_match', makeLead({ title }))).toBe(true);
  });

  test.each(['Software Engineer', 'Actor', 'Sales Representative', 'Accountant', 'Directory Assistant', 'Analyst', ''])(
    '%j is not',
    (title) => {
      expect(meets('title_match', makeLead({ title }))).toBe(false);
    },
  );
});

describe('company_size', () => {
  test.each([
    [49, false],
    [50, true],
    [120, true],
    [500, true],
    [501, false],
    [null, false],
  ])('%j employees → %s', (employees, expected) => {
    expect(meets('company_size', makeLead({ employees }))).toBe(expected);
  });
});

describe('verified_contact', () => {
  test.each([
    ['pat@acme.com', '+1 415 867 5309', true],
    ['pat@gmail.com', '+1 415 867 5309', false],
    ['pat@acme.com', '0000000', false],
    ['pat@acme.com', null, false],
    ['pat@acme', '+1 415 867 5309', false],
  ])('%j / %j → %s', (email, phone, expected) => {
    expect(meets('verified_contact', makeLead({ email, phone, domain: null }))).toBe(expected);
  });
});

describe('disqualifiers', () => {
  test.each([
    'gmail.com', 'googlemail.com', 'yahoo.co.uk', 'yahoo.com.br', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com',
    'aol.com', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru',
    'qq.com', '163.com', '126.com', 'zoho.com', 'rediffmail.com', 'libero.it', 'orange.fr', 'free.fr', 'wanadoo.fr',
    't-online.de', 'btinternet.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'mailinator.com',
    '10minutemail.com', 'guerrillamail.com', 'yopmail.com', 'temp-mail.org',
  ])('free_mail: %s', (domain) => {
    expect(disqualifies('free_mail', makeLead({ email: `pat@${domain}`, domain }))).toBe(true);
  });

  test.each(['acme.com', 'gmail.acme.com', 'notgmail.com', 'outlook-consulting.de'])('free_mail: not %s', (domain) => {
    expect(disqualifies('free_mail', makeLead({ email: `pat@${domain}`, domain }))).toBe(false);
  });

  test('free_mail falls back to the email when the adapter left the domain empty', () => {
    expect(disqualifies('free_mail', makeLead({ email: 'Pat@GMAIL.com', domain: null }))).toBe(true);
  });

  test.each([
    ['pat@acme', true],
    ['pat at acme.com', true],
    ['pat@acme.com', false],
    [null, false],
  ])('invalid_email: %j → %s', (email, expected) => {
    expect(disqualifies('invalid_email', makeLead({ email, domain: null }))).toBe(expected);
  });

  test.each([
    ['Student', true],
    ['MBA student', true],
    ['Marketing Intern', true],
    ['Summer internship', true],
    ['Graduate trainee', true],
    ['Apprentice electrician', true],
    ['Freelancer', true],
    ['Freelance designer', true],
    ['Unemployed', true],
    ['Retired', true],
    ['PhD Candidate', true],
    ['Looking for work', true],
    ['Étudiant', true],
    ['Internal Auditor', false],
    ['International Sales Director', false],
    ['Studio Manager', false],
    ['Candidate Experience Lead', false],
    [null, false],
  ])('student: %j → %s', (title, expected) => {
    expect(disqualifies('student', makeLead({ title }))).toBe(expected);
  });

  test.each(['0000000', '1111111', '1234567', '123-456-7890', '555-0142', '(212) 555-0100', '12345', 'none'])(
    'placeholder_phone: %j',
    (phone) => {
      expect(disqualifies('placeholder_phone', makeLead({ phone }))).toBe(true);
    },
  );

  test.each(['+1 415 867 5309', '+49 30 901820', null])('placeholder_phone: not %j', (phone) => {
    expect(disqualifies('placeholder_phone', makeLead({ phone }))).toBe(false);
  });

  test('do_not_contact', () => {
    expect(disqualifies('do_not_contact', makeLead({ doNotContact: true }))).toBe(true);
    expect(disqualifies('do_not_contact', makeLead({ doNotContact: false }))).toBe(false);
  });

  test('competitor and unserved_country hold nothing until the tenant fills the lists', () => {
    const rival = makeLead({ email: 'spy@rival.io', domain: 'rival.io', country: 'Atlantis' });
    expect(disqualifies('competitor', rival)).toBe(false);
    expect(disqualifies('unserved_country', rival)).toBe(false);

    const tenant = definitionSchema.parse({ ...defaultDefinition, competitorDomains: ['rival.io'], servedCountries: ['US', 'Germany'] });
    expect(disqualifies('competitor', rival, tenant)).toBe(true);
    expect(disqualifies('unserved_country', rival, tenant)).toBe(true);
    expect(disqualifies('unserved_country', makeLead({ country: 'United States of America' }), tenant)).toBe(false);
    expect(disqualifies('unserved_country', makeLead({ country: null }), tenant)).toBe(false);
  });
});

describe('mail domain lists', () => {
  const all = [...freeMailDomains, ...disposableMailDomains];

  test('hold several hundred domains', () => {
    expect(freeMailDomains.length).toBeGreaterThanOrEqual(300);
    expect(disposableMailDomains.length).toBeGreaterThanOrEqual(100);
  });

  test('are lower-case host names without duplicates', () => {
    const malformed = all.filter((d) => d !== d.trim().toLowerCase() || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
    expect(malformed).toEqual([]);
    const duplicates = all.filter((d, i) => all.indexOf(d) !== i);
    expect(duplicates).toEqual([]);
  });
});
