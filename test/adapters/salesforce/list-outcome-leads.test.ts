import { createSalesforceAdapter } from '../../../adapters/salesforce/create-salesforce-adapter';
import { leadStatusCatalog } from '../../../adapters/salesforce/lead-status-catalog';
import type { OutcomeLead, TenantConnection } from '../../../src/core/crm-adapter';
import { startSandbox, type Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../../scripts/sandbox/sandbox-options';

const start = Date.parse('2025-02-03T09:00:00.000Z');
const hour = 3600 * 1000;

/** Leads in every state an outcome can be in, oldest first; `outcome` absent: still open, not listed. */
const people: Array<{ last: string; fields?: Record<string, unknown>; convert?: 'none' | 'open' | 'won' | 'lost'; outcome?: 0 | 1 }> = [
  { last: 'Converted', convert: 'none', outcome: 1 },
  { last: 'Open', fields: { Status: 'Open - Not Contacted' } },
  { last: 'Won', convert: 'won', outcome: 1 },
  { last: 'Lost', convert: 'lost', outcome: 0 },
  { last: 'Working', fields: { Status: 'Working - Contacted' } },
  { last: 'OpenOpportunity', convert: 'open', outcome: 1 },
  { last: 'Closed', fields: { Status: 'Closed - Not Converted' }, outcome: 0 },
  { last: 'Rejected', fields: { Status: 'Working - Contacted', Accord_Rejection_Reason__c: 'student' }, outcome: 0 },
];

describe('Salesforce adapter listOutcomeLeads (real jsforce against the sandbox org)', () => {
  let sandbox: Sandbox;
  let connection: TenantConnection;
  const adapter = () =>
    createSalesforceAdapter({
      secretKey: 'adapter-test-secret-key-at-least-32-chars',
      client: { loginUrl: sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret },
      integrationUserId: () => sandbox.state.salesforce.integrationUserId,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ clientSecret: 'x', appId: '1', seed: { contacts: 0 }, salesforce: { queryBatchSize: 3 } });
    const org = sandbox.state.salesforce;
    connection = { crm: 'salesforce', tenantId: org.orgId, accessToken: '', instanceUrl: sandbox.url, refreshToken: sandboxDefaults.salesforce.refreshToken };
    for (const [i, person] of people.entries()) {
      const lead = org.leads.create({ LastName: person.last, Company: 'Betatech', Title: 'VP Sales', ...person.fields }, org.adminUserId, { silent: true, createdAt: start + i * hour });
      if (person.convert === undefined) continue;
      const body = person.convert === 'none' ? {} : { opportunity: person.convert };
      // The sandbox's Lead Convert, as a user in the UI does it.
      const response = await fetch(`${sandbox.url}/_sandbox/salesforce/leads/${String(lead.Id)}/convert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
    }
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('lists converted (unless the opportunity closed lost), closed and rejected leads oldest first, through queryMore', async () => {
    const crm = adapter();
    const list = crm.listOutcomeLeads?.bind(crm);
    if (!list) throw new Error('listOutcomeLeads is missing');
    const outcomes: OutcomeLead[] = [];
    let after: string | null = null;
    let pages = 0;
    sandbox.callLog.reset();
    do {
      const page: { outcomes: OutcomeLead[]; after: string | null } = await list(connection, after);
      outcomes.push(...page.outcomes);
      after = page.after;
      pages += 1;
    } while (after !== null);

    const expected = people.filter((p) => p.outcome !== undefined);
    expect(outcomes.map((o) => [o.lead.lastName, o.outcome])).toEqual(expected.map((p) => [p.last, p.outcome]));
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(sandbox.callLog.count('GET /services/data/:version/query/:locator')).toBe(pages - 1 + 1); // + the LeadStatus page 2
    expect(outcomes.map((o) => o.createdAt)).toEqual(expected.map((p) => new Date(start + people.indexOf(p) * hour).toISOString()));

    const won = outcomes.find((o) => o.lead.lastName === 'Won');
    expect(won?.closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(won?.lead).toMatchObject({ crm: 'salesforce', title: 'VP Sales', status: 'Closed - Converted' });
    expect(Object.keys(won?.lead.raw ?? {})).not.toContain('ConvertedOpportunity');
    expect(outcomes.find((o) => o.lead.lastName === 'Rejected')).toMatchObject({ lead: { rejectionReason: 'student' } });
    expect(outcomes.find((o) => o.lead.lastName === 'Closed')?.closedAt).toBeUndefined();
  });
});

describe('the org’s closed statuses', () => {
  it('are those after the converted status, and those named closed or unqualified wherever they sort', () => {
    const newOrg = leadStatusCatalog([
      { MasterLabel: 'Open - Not Contacted', SortOrder: 1, IsDefault: true, IsConverted: false },
      { MasterLabel: 'Working - Contacted', SortOrder: 2, IsDefault: false, IsConverted: false },
      { MasterLabel: 'Closed - Converted', SortOrder: 3, IsDefault: false, IsConverted: true },
      { MasterLabel: 'Closed - Not Converted', SortOrder: 4, IsDefault: false, IsConverted: false },
    ]);
    expect(newOrg.closedStatuses).toEqual(['Closed - Not Converted']);
    const salesCloud = leadStatusCatalog([
      { MasterLabel: 'New', SortOrder: 1, IsDefault: true, IsConverted: false },
      { MasterLabel: 'Working', SortOrder: 2, IsDefault: false, IsConverted: false },
      { MasterLabel: 'Unqualified', ApiName: 'Unqualified', SortOrder: 3, IsDefault: false, IsConverted: false },
      { MasterLabel: 'Qualified', SortOrder: 4, IsDefault: false, IsConverted: true },
    ]);
    expect(salesCloud.closedStatuses).toEqual(['Unqualified']);
    expect(salesCloud.isWorking('Working')).toBe(true);
    expect(salesCloud.isWorking('Unqualified')).toBe(false);
  });
});
