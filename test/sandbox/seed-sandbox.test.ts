import path from 'node:path';
import { companyDomain } from '../../scripts/sandbox/company-domain';
import { employeeRange } from '../../scripts/sandbox/employee-range';
import { findSeedDataDir } from '../../scripts/sandbox/find-seed-data-dir';
import { readCsvRecords } from '../../scripts/sandbox/read-csv-records';
import { loadSeedData, toCreateContactInputs } from '../../scripts/sandbox/seed-sandbox';
import { competitors, freeMailDomains, universities } from '../../scripts/sandbox/seed-vocabulary';
import { sdkClient, startTestSandbox } from './support/test-sandbox';

const now = Date.UTC(2025, 2, 1, 9, 30);
const dayMs = 86_400_000;
const dataDir = findSeedDataDir();
const accounts = new Map(readCsvRecords(path.join(dataDir, 'accounts.csv')).map((row) => [row.account ?? '', row]));
const validEmail = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

describe('seed data from crm-sales-opportunities', () => {
  const seed = loadSeedData({ now, contacts: 300 });

  it('is identical on every run for the same now and seed, and different for another seed', () => {
    expect(loadSeedData({ now, contacts: 300 })).toEqual(seed);
    expect(loadSeedData({ now, contacts: 300, seed: 7 }).contacts).not.toEqual(seed.contacts);
  });

  it('makes the 35 sales agents and 6 managers owners, in their regional office teams', () => {
    expect(seed.owners).toHaveLength(41);
    expect(seed.owners.filter((o) => o.role === 'agent')).toHaveLength(35);
    expect(seed.owners.filter((o) => o.role === 'manager').map((o) => `${o.firstName} ${o.lastName}`)).toEqual([
      'Dustin Brinkmann',
      'Melvin Marxen',
      'Cara Losch',
      'Rocco Neubert',
      'Celia Rouche',
      'Summer Sewald',
    ]);
    expect(seed.owners[0]).toEqual(expect.objectContaining({ id: '1000001', firstName: 'Anna', lastName: 'Snelling', email: 'anna.snelling@sandbox-hardware.example' }));
    expect(seed.owners.find((o) => o.firstName === 'Mei-Mei')?.email).toBe('mei-mei.johns@sandbox-hardware.example');
    expect(new Set(seed.owners.map((o) => o.id)).size).toBe(41);
    expect(new Set(seed.owners.map((o) => o.email)).size).toBe(41);
    expect(new Set(seed.owners.flatMap((o) => o.teams.map((t) => t.name)))).toEqual(new Set(['Central', 'East', 'West']));
    for (const agent of seed.owners.filter((o) => o.role === 'agent')) {
      const manager = seed.owners.find((o) => o.id === agent.managerId);
      expect(manager?.role).toBe('manager');
      expect(manager?.teams).toEqual(agent.teams);
    }
  });

  it('mixes prospects with free-mail, students, competitors and bad data in fixed shares', () => {
    const count = (profile: string) => seed.contacts.filter((c) => c.profile === profile).length;
    expect([count('business'), count('free_mail'), count('student'), count('competitor'), count('bad_data')]).toEqual([234, 30, 12, 9, 15]);
    const emails = seed.contacts.map((c) => c.properties.email);
    expect(new Set(emails).size).toBe(300);
  });

  it('gives business contacts firmographics taken from their account row', () => {
    for (const contact of seed.contacts.filter((c) => c.profile === 'business')) {
      const account = accounts.get(contact.account ?? '');
      expect(account).toBeDefined();
      const p = contact.properties;
      expect(p.company).toBe(account?.account);
      expect(p.email?.endsWith(`@${companyDomain(account?.account ?? '')}`)).toBe(true);
      expect(p.email).toMatch(validEmail);
      expect(p.numemployees).toBe(employeeRange(Number(account?.employees)));
      expect(p.annualrevenue).toBe(String(Math.round(Number(account?.revenue) * 1_000_000)));
      expect(p.industry).toMatch(/^[A-Z][a-z]+$/);
      expect(p.industry).not.toBe('Technolgy');
      expect(p.jobtitle).toBeTruthy();
      if (account?.office_location === 'United States') expect(p.state).toBeTruthy();
      else expect(p.state).toBeUndefined();
    }
    const acme = seed.contacts.find((c) => c.account === 'Acme Corporation');
    expect(acme?.properties.industry).toBe('Technology');
    expect(seed.contacts.some((c) => c.properties.country === 'Philippines')).toBe(seed.contacts.some((c) => c.account === 'Bioholding'));
    expect(seed.contacts.some((c) => c.properties.country === 'Philipines')).toBe(false);
  });

  it('uses a realistic spread of job titles', () => {
    const titles = new Set(seed.contacts.map((c) => c.properties.jobtitle).filter(Boolean));
    expect(titles.size).toBeGreaterThanOrEqual(20);
    expect([...titles]).toEqual(expect.arrayContaining(['VP Sales', 'Director of IT', 'IT Manager', 'Software Engineer', 'Office Manager', 'Analyst']));
  });

  it('makes the junk recognisable: free-mail, .edu, competitor domains and broken contact data', () => {
    const of = (profile: string) => seed.contacts.filter((c) => c.profile === profile);
    expect(of('free_mail').every((c) => freeMailDomains.some((d) => c.properties.email?.endsWith(`@${d}`)))).toBe(true);
    expect(of('student').every((c) => c.properties.email?.endsWith('.edu'))).toBe(true);
    expect(of('student').every((c) => /Student|Intern|PhD/.test(c.properties.jobtitle ?? ''))).toBe(true);
    expect(of('student').some((c) => universities.some((u) => u.name === c.properties.company))).toBe(true);
    expect(of('competitor').every((c) => competitors.some((r) => c.properties.email?.endsWith(`@${r.domain}`)))).toBe(true);
    const bad = of('bad_data');
    expect(new Set(bad.map((c) => c.badData))).toEqual(new Set(['invalid_email', 'bad_phone', 'missing_fields']));
    for (const contact of bad) {
      if (contact.badData === 'invalid_email') expect(contact.properties.email).not.toMatch(validEmail);
      if (contact.badData === 'bad_phone') expect(['0000000000', '123-456-7890']).toContain(contact.properties.phone);
      if (contact.badData === 'missing_fields') {
        expect(contact.properties.jobtitle).toBeUndefined();
        expect(contact.properties.company).toBeUndefined();
      }
    }
  });

  it('adds intent signals: skewed page views, up to 5 conversions, recent conversions within 60 days of now', () => {
    const views = seed.contacts.map((c) => Number(c.properties.hs_analytics_num_page_views));
    expect(Math.min(...views)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...views)).toBeLessThanOrEqual(40);
    expect([...views].sort((a, b) => a - b)[150]).toBeLessThan(10);
    for (const contact of seed.contacts) {
      const p = contact.properties;
      const conversions = Number(p.num_conversion_events);
      expect(conversions).toBeGreaterThanOrEqual(0);
      expect(conversions).toBeLessThanOrEqual(5);
      if (conversions > 0) {
        expect(['Demo request', 'Pricing page visit', 'Whitepaper download', 'Webinar registration']).toContain(p.recent_conversion_event_name);
        const at = Date.parse(p.recent_conversion_date ?? '');
        expect(at).toBeGreaterThanOrEqual(now - 60 * dayMs);
        expect(at).toBeLessThanOrEqual(now);
        expect(at).toBeGreaterThanOrEqual(contact.createdAt);
      } else expect(p.recent_conversion_event_name).toBeUndefined();
      expect(contact.createdAt).toBeLessThanOrEqual(now);
      expect(p.hs_analytics_source).toMatch(/^[A-Z_]+$/);
    }
    expect(seed.contacts.filter((c) => c.properties.recent_conversion_event_name === 'Demo request').length).toBeGreaterThan(0);
    expect(seed.contacts.filter((c) => c.properties.hs_lead_status === 'NEW').length).toBeGreaterThan(200);
  });
});

describe('seeding the sandbox', () => {
  it('loads owners and contacts as existing data that passes the portal schema', async () => {
    const sandbox = await startTestSandbox({ seed: { contacts: 120, now } });
    try {
      expect(sandbox.state.hubspot.owners.size).toBe(41);
      expect(sandbox.state.hubspot.contacts.size).toBe(120);
      const first = sandbox.seed?.contacts[0];
      const stored = sandbox.state.hubspot.contacts.find(first?.properties.email ?? '', { idProperty: 'email' });
      expect(stored?.createdAt).toBe(first?.createdAt);
      expect(stored?.properties.createdate).toBe(new Date(first?.createdAt ?? 0).toISOString());
      expect(stored?.history.email?.[0]?.sourceType).toBe('IMPORT');
    } finally {
      await sandbox.close();
    }
  });

  it('turns seed contacts into create inputs the API accepts', async () => {
    const sandbox = await startTestSandbox({ seed: { contacts: 0 } });
    try {
      const inputs = toCreateContactInputs(loadSeedData({ now, contacts: 150 }).contacts);
      expect(inputs.every((input) => !('createdate' in input.properties))).toBe(true);
      const client = sdkClient(sandbox);
      for (let i = 0; i < inputs.length; i += 100) {
        await client.crm.contacts.batchApi.create({ inputs: inputs.slice(i, i + 100).map((input) => ({ ...input, associations: [] })) });
      }
      expect(sandbox.state.hubspot.contacts.size).toBe(150);
    } finally {
      await sandbox.close();
    }
  });
});

describe('seed helpers', () => {
  it('derives company domains', () => {
    expect(companyDomain('Acme Corporation')).toBe('acme-corporation.com');
    expect(companyDomain('Gekko & Co')).toBe('gekko-co.com');
    expect(companyDomain('dambase')).toBe('dambase.com');
  });

  it("maps head counts onto HubSpot's numemployees options", () => {
    expect([1, 5, 9, 26, 96, 100, 101, 500, 853, 1000, 1001, 20275].map(employeeRange)).toEqual([
      '1-5', '1-5', '5-25', '25-50', '50-100', '50-100', '100-500', '100-500', '500-1000', '500-1000', '1000+', '1000+',
    ]);
  });

  it('finds the data folder upward, or refuses a folder without the CSVs', () => {
    expect(findSeedDataDir()).toMatch(/shared[/\\]data[/\\]crm-sales-opportunities$/);
    expect(() => findSeedDataDir(__dirname)).toThrow('accounts.csv');
  });
});
