import { evaluateSoql } from '../../scripts/sandbox/evaluate-soql';
import { parseSoql } from '../../scripts/sandbox/parse-soql';
import { SoqlError } from '../../scripts/sandbox/soql-error';
import type { SoqlTable } from '../../scripts/sandbox/soql-table';

const role: SoqlTable = { name: 'UserRole', fields: [{ name: 'Id', type: 'id' }, { name: 'Name', type: 'string' }], rows: () => [] };
const west = { Id: '00E5e0000000001EAA', Name: 'West' };
const users: SoqlTable = {
  name: 'User',
  fields: [
    { name: 'Id', type: 'id' },
    { name: 'Name', type: 'string' },
    { name: 'IsActive', type: 'boolean' },
  ],
  relationships: [{ name: 'UserRole', table: role }],
  rows: () => [
    { Id: '0055e0000000002AAA', Name: 'Bea', IsActive: true, UserRole: west },
    { Id: '0055e0000000001AAA', Name: 'Al', IsActive: false, UserRole: null },
    { Id: '0055e0000000003AAA', Name: 'cy', IsActive: true, UserRole: west },
  ],
};
const leads: SoqlTable = {
  name: 'Lead',
  fields: [
    { name: 'Id', type: 'id' },
    { name: 'Company', type: 'string' },
    { name: 'NumberOfEmployees', type: 'int' },
    { name: 'LastModifiedDate', type: 'datetime' },
  ],
  rows: () => [
    { Id: '00Q5e0000000001EAA', Company: 'Acme', NumberOfEmployees: 300, LastModifiedDate: '2025-03-03T09:00:00.000Z' },
    { Id: '00Q5e0000000002EAA', Company: 'Globex', NumberOfEmployees: null, LastModifiedDate: '2025-03-03T09:00:01.000Z' },
    { Id: '00Q5e0000000003EAA', Company: 'acme', NumberOfEmployees: 20, LastModifiedDate: '2025-03-03T08:59:59.000Z' },
  ],
};
const tables = new Map([users, leads, role].map((t) => [t.name.toLowerCase(), t]));
const run = (soql: string) => evaluateSoql(parseSoql(soql), tables, (type, id) => `/services/data/v62.0/sobjects/${type}/${id}`).records;
const ids = (soql: string) => run(soql).map((r) => r.Id);

describe('the sandbox SOQL subset', () => {
  it('selects the named fields, with relationship fields nested as REST returns them', () => {
    expect(run('SELECT Id, Name, UserRole.Name FROM User WHERE IsActive = true ORDER BY Id')).toEqual([
      { attributes: { type: 'User', url: '/services/data/v62.0/sobjects/User/0055e0000000002AAA' }, Id: '0055e0000000002AAA', Name: 'Bea', UserRole: { attributes: { type: 'UserRole', url: '/services/data/v62.0/sobjects/UserRole/00E5e0000000001EAA' }, Name: 'West' } },
      { attributes: { type: 'User', url: '/services/data/v62.0/sobjects/User/0055e0000000003AAA' }, Id: '0055e0000000003AAA', Name: 'cy', UserRole: { attributes: { type: 'UserRole', url: '/services/data/v62.0/sobjects/UserRole/00E5e0000000001EAA' }, Name: 'West' } },
    ]);
    expect(run('select id, userrole.name from user where isactive = false')).toEqual([
      { attributes: expect.any(Object), Id: '0055e0000000001AAA', UserRole: null },
    ]);
  });

  it('filters with IN on ids (15 or 18 characters), = on text case-insensitively, AND and OR in parentheses', () => {
    expect(ids("SELECT Id FROM Lead WHERE Id IN ('00Q5e0000000001', '00Q5e0000000003EAA', '00Q5e0000000009EAA') ORDER BY Id")).toEqual(['00Q5e0000000001EAA', '00Q5e0000000003EAA']);
    expect(ids("SELECT Id FROM Lead WHERE Company = 'ACME' ORDER BY Id")).toEqual(['00Q5e0000000001EAA', '00Q5e0000000003EAA']);
    expect(ids("SELECT Id FROM Lead WHERE Company = 'acme' AND NumberOfEmployees > 100")).toEqual(['00Q5e0000000001EAA']);
    expect(ids("SELECT Id FROM Lead WHERE (Company = 'Globex' OR NumberOfEmployees < 50) AND Id != '00Q5e0000000002EAA'")).toEqual(['00Q5e0000000003EAA']);
    expect(ids("SELECT Id FROM Lead WHERE Company NOT IN ('acme')")).toEqual(['00Q5e0000000002EAA']);
    expect(ids("SELECT Id FROM Lead WHERE Company LIKE 'glo%'")).toEqual(['00Q5e0000000002EAA']);
    expect(ids('SELECT Id FROM Lead WHERE NumberOfEmployees = null')).toEqual(['00Q5e0000000002EAA']);
  });

  it('compares datetimes with unquoted literals, orders by them and limits', () => {
    expect(ids('SELECT Id FROM Lead WHERE LastModifiedDate > 2025-03-03T08:59:59Z ORDER BY LastModifiedDate')).toEqual(['00Q5e0000000001EAA', '00Q5e0000000002EAA']);
    expect(ids('SELECT Id FROM Lead WHERE LastModifiedDate >= 2025-03-03T10:59:59+02:00 ORDER BY LastModifiedDate DESC LIMIT 1')).toEqual(['00Q5e0000000002EAA']);
    expect(run('SELECT LastModifiedDate FROM Lead ORDER BY LastModifiedDate LIMIT 1')[0]?.LastModifiedDate).toBe('2025-03-03T08:59:59.000+0000');
  });

  it('sorts nulls first ascending and last descending, unless told otherwise', () => {
    expect(ids('SELECT Id FROM Lead ORDER BY NumberOfEmployees')).toEqual(['00Q5e0000000002EAA', '00Q5e0000000003EAA', '00Q5e0000000001EAA']);
    expect(ids('SELECT Id FROM Lead ORDER BY NumberOfEmployees DESC')).toEqual(['00Q5e0000000001EAA', '00Q5e0000000003EAA', '00Q5e0000000002EAA']);
    expect(ids('SELECT Id FROM Lead ORDER BY NumberOfEmployees ASC NULLS LAST')).toEqual(['00Q5e0000000003EAA', '00Q5e0000000001EAA', '00Q5e0000000002EAA']);
  });

  it.each([
    ["SELECT Id FROM Lead WHERE LastModifiedDate > '2025-03-03T09:00:00Z'", 'MALFORMED_QUERY', /must be of type dateTime and should not be enclosed in quotes/],
    ["SELECT Id FROM Lead WHERE NumberOfEmployees > '10'", 'MALFORMED_QUERY', /must be of type double/],
    ["SELECT Id FROM Lead WHERE Id = 'abc'", 'MALFORMED_QUERY', /invalid ID/],
    ["SELECT Id FROM Lead WHERE Company = 'a' AND Company = 'b' OR Company = 'c'", 'MALFORMED_QUERY', /parentheses/],
    ['SELECT Id, Foo__c FROM Lead', 'INVALID_FIELD', /No such column 'Foo__c' on entity 'Lead'/],
    ['SELECT Id FROM Lead ORDER BY Bar', 'INVALID_FIELD', /No such column 'Bar'/],
    ['SELECT Id, Manager.Name FROM User', 'INVALID_FIELD', /relationship 'Manager'/],
    ['SELECT Id FROM Opportunity', 'INVALID_TYPE', /sObject type 'Opportunity' is not supported/],
    ['SELECT FROM Lead', 'MALFORMED_QUERY', /unexpected token/],
    ["SELECT Id FROM Lead WHERE Company = 'unterminated", 'MALFORMED_QUERY', /unterminated/],
    ['SELECT Id FROM Lead LIMIT 5 extra', 'MALFORMED_QUERY', /expecting <EOF>/],
  ])('refuses %s', (soql, errorCode, message) => {
    const error = (() => {
      try {
        run(soql);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SoqlError);
    expect((error as SoqlError).errorCode).toBe(errorCode);
    expect((error as SoqlError).message).toMatch(message);
  });

  it('reads string literals with escapes, so a quote can never end one early', () => {
    const withQuote: SoqlTable = { name: 'Lead', fields: [{ name: 'Id', type: 'id' }, { name: 'Company', type: 'string' }], rows: () => [{ Id: '00Q5e0000000001EAA', Company: "O'Brien \\ Sons" }] };
    const result = evaluateSoql(parseSoql("SELECT Id FROM Lead WHERE Company = 'O\\'Brien \\\\ Sons'"), new Map([['lead', withQuote]]), () => '');
    expect(result.records).toHaveLength(1);
  });
});
