import { emailDomainOf, isValidEmail } from '../../src/core/email-address';

describe('isValidEmail', () => {
  test.each([
    'pat@acme.com',
    'Pat.Lee+crm@mail.acme.co.uk',
    "o'brien@acme.ie",
    '  pat@acme.com  ',
    'pat@xn--bcher-kva.ch',
    'user_name-1@sub-domain.example.org',
  ])('accepts %j', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  test.each([
    '',
    'pat',
    'pat@',
    '@acme.com',
    'pat@@acme.com',
    'pat@acme@com.com',
    'pat@acme',
    'pat@acme.c',
    'pat@acme.c0m',
    'pat lee@acme.com',
    'pat@ac me.com',
    'pat..lee@acme.com',
    '.pat@acme.com',
    'pat.@acme.com',
    'pat@acme..com',
    'pat@-acme.com',
    'pat@acme-.com',
    'pat@.acme.com',
    'pat(at)acme.com',
    `${'a'.repeat(65)}@acme.com`,
    `pat@${'a'.repeat(250)}.com`,
  ])('rejects %j', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  test('a very long hostile input is answered quickly (no backtracking)', () => {
    const hostile = `${'a.'.repeat(50_000)}@${'b-'.repeat(50_000)}`;
    const started = process.hrtime.bigint();
    expect(isValidEmail(hostile)).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });
});

describe('emailDomainOf', () => {
  test.each([
    ['Pat@Acme.COM', 'acme.com'],
    ['pat@acme.com ', 'acme.com'],
    ['no-at-sign', null],
    ['pat@', null],
  ])('%j → %j', (email, domain) => {
    expect(emailDomainOf(email)).toBe(domain);
  });
});
