import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import type { CrmAdapter, OutcomeLead, OutcomeRules, TenantConnection } from '../../../src/core/crm-adapter';
import type { Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sdkClient, startTestSandbox, testAppId, testPortalId, testSecret, testToken } from '../../sandbox/support/test-sandbox';

const day = 24 * 3600 * 1000;
const start = Date.parse('2025-01-06T09:00:00.000Z');
const at = (days: number) => new Date(start + days * day).toISOString();

/** Contacts in every state an outcome can be in; `outcome` is what the listing must say (absent: open, not listed). */
const people: Array<{ email: string; properties: Record<string, string>; outcome?: 0 | 1 }> = [
  { email: 'sql@acme.example', properties: { lifecyclestage: 'salesqualifiedlead', createdate: at(0) }, outcome: 1 },
  { email: 'open1@acme.example', properties: { lifecyclestage: 'lead', hs_lead_status: 'NEW', createdate: at(1) } },
  { email: 'unq@acme.example', properties: { lifecyclestage: 'lead', hs_lead_status: 'UNQUALIFIED', createdate: at(2) }, outcome: 0 },
  // Two created in the same millisecond: the page boundary of the small-cap test falls between them.
  { email: 'opp@acme.example', properties: { lifecyclestage: 'opportunity', createdate: at(3) }, outcome: 1 },
  { email: 'rejected@acme.example', properties: { lifecyclestage: 'marketingqualifiedlead', accord_rejection_reason: 'no_budget', createdate: at(3) }, outcome: 0 },
  { email: 'mql@acme.example', properties: { lifecyclestage: 'marketingqualifiedlead', hs_lead_status: 'IN_PROGRESS', createdate: at(4) } },
  { email: 'timing@acme.example', properties: { hs_lead_status: 'BAD_TIMING', createdate: at(5) }, outcome: 0 },
  // Won after a rejection: the later stage is what happened in the end.
  { email: 'customer@acme.example', properties: { lifecyclestage: 'customer', accord_rejection_reason: 'poor_timing', createdate: at(6) }, outcome: 1 },
  { email: 'open2@acme.example', properties: { lifecyclestage: 'subscriber', createdate: at(7) } },
];

const connection: TenantConnection = { crm: 'hubspot', tenantId: testPortalId, accessToken: testToken, instanceUrl: null };

async function listAll(adapter: CrmAdapter, rules?: OutcomeRules): Promise<{ outcomes: OutcomeLead[]; pages: number }> {
  const outcomes: OutcomeLead[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page: { outcomes: OutcomeLead[]; after: string | null } = await (adapter.listOutcomeLeads as NonNullable<CrmAdapter['listOutcomeLeads']>)(connection, after, rules);
    outcomes.push(...page.outcomes);
    after = page.after;
    pages += 1;
  } while (after !== null && pages < 100);
  return { outcomes, pages };
}

describe('HubSpot adapter listOutcomeLeads (real SDK against the sandbox)', () => {
  let sandbox: Sandbox;
  const emailOf = (o: OutcomeLead) => o.lead.email;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: false });
    const adapter = createHubspotAdapter({ clientSecret: testSecret, appId: testAppId, basePath: sandbox.url });
    await adapter.install(connection);
    // POST /crm/v3/objects/contacts/batch/create
    await sdkClient(sandbox).crm.contacts.batchApi.create({
      inputs: people.map((p) => ({ properties: { email: p.email, jobtitle: 'VP Sales', ...p.properties }, associations: [] })),
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('lists won and lost contacts oldest first as leads, in one search, leaving open ones out', async () => {
    const adapter = createHubspotAdapter({ clientSecret: testSecret, appId: testAppId, basePath: sandbox.url });
    sandbox.callLog.reset();
    const { outcomes, pages } = await listAll(adapter);
    const expected = people.filter((p) => p.outcome !== undefined);
    expect(pages).toBe(1);
    expect(sandbox.callLog.count('POST /crm/v3/objects/contacts/search')).toBe(1);
    expect(outcomes.map(emailOf).sort()).toEqual(expected.map((p) => p.email).sort());
    for (const o of outcomes) expect([o.lead.email, o.outcome]).toEqual([o.lead.email, people.find((p) => p.email === o.lead.email)?.outcome]);
    expect(outcomes.map((o) => o.createdAt)).toEqual([...outcomes.map((o) => o.createdAt)].sort());
    const rejected = outcomes.find((o) => o.lead.email === 'rejected@acme.example');
    expect(rejected).toMatchObject({ createdAt: at(3), lead: { crm: 'hubspot', tenantId: testPortalId, title: 'VP Sales', rejectionReason: 'no_budget', raw: { lifecyclestage: 'marketingqualifiedlead' } } });
  });

  it('takes the won stages and lost statuses it is given', async () => {
    const adapter = createHubspotAdapter({ clientSecret: testSecret, appId: testAppId, basePath: sandbox.url });
    const { outcomes } = await listAll(adapter, { wonStages: ['marketingqualifiedlead'], lostStatuses: ['NEW'] });
    const byEmail = new Map(outcomes.map((o) => [o.lead.email, o.outcome]));
    expect(byEmail.get('mql@acme.example')).toBe(1);
    expect(byEmail.get('rejected@acme.example')).toBe(1);
    expect(byEmail.get('open1@acme.example')).toBe(0);
    // Not won under these rules, and not lost either: still open.
    expect(byEmail.has('sql@acme.example')).toBe(false);
    expect(byEmail.get('customer@acme.example')).toBe(0);
  });

  it('starts a new query at the last created date when a query reaches the result cap, losing and repeating nobody', async () => {
    const adapter = createHubspotAdapter({ clientSecret: testSecret, appId: testAppId, basePath: sandbox.url, searchResultCap: 2 });
    sandbox.callLog.reset();
    const { outcomes, pages } = await listAll(adapter);
    const expected = people.filter((p) => p.outcome !== undefined).map((p) => p.email);
    expect(outcomes.map(emailOf).sort()).toEqual([...expected].sort());
    expect(new Set(outcomes.map(emailOf)).size).toBe(outcomes.length);
    // Two results per query; the pair created in one millisecond fills a whole query, so one more
    // search counts the contacts at that instant before the listing moves past it.
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
    expect(sandbox.callLog.count('POST /crm/v3/objects/contacts/search')).toBe(pages + 1);
  });
});

describe('HubSpot adapter listOutcomeLeads past 10,000 results', () => {
  it('reads all 10,050 outcomes through HubSpot’s 10,000-result cap', async () => {
    const sandbox = await startTestSandbox({ seed: false });
    try {
      const adapter = createHubspotAdapter({ clientSecret: testSecret, appId: testAppId, basePath: sandbox.url });
      await adapter.install(connection);
      sandbox.state.hubspot.contacts.createMany(
        Array.from({ length: 10_050 }, (_, i) => ({
          email: `cap${i}@x.example`,
          lifecyclestage: i % 3 === 0 ? 'customer' : 'lead',
          hs_lead_status: i % 3 === 0 ? 'CONNECTED' : 'UNQUALIFIED',
          // Ten contacts per second, so a window boundary falls inside a run of equal created dates.
          createdate: new Date(start + Math.floor(i / 10) * 1000).toISOString(),
        })),
        { changeSource: 'IMPORT', sourceId: '1' },
        { silent: true },
      );
      const { outcomes, pages } = await listAll(adapter);
      expect(outcomes).toHaveLength(10_050);
      expect(new Set(outcomes.map((o) => o.lead.recordId)).size).toBe(10_050);
      expect(outcomes.filter((o) => o.outcome === 1)).toHaveLength(3350);
      expect(pages).toBe(Math.ceil(10_000 / 200) + 1);
    } finally {
      await sandbox.close();
    }
  });
});
