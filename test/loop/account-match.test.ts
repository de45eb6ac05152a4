import { hotLead } from '../e2e/hot-hubspot-lead';
import { hotSalesforceLead } from '../e2e/hot-salesforce-lead';
import { eventually } from '../e2e/start-e2e-stack';
import { startLoopStack, type LoopStack } from './start-loop-stack';

// Betasoloin is in accounts.csv (United States); California would route it to the West team by territory.

describe.each(['hubspot', 'salesforce'] as const)('account match on %s', (crm) => {
  let stack: LoopStack;
  beforeAll(async () => {
    stack = await startLoopStack(crm, {}, { accounts: true });
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('routes a lead from a company the CRM already has to its account owner, before territories, in one lookup', async () => {
    const accounts = crm === 'hubspot' ? stack.sandbox.state.hubspot.companies : stack.sandbox.state.salesforce.accounts;
    const account = accounts.find((a) => a.domain === 'betasoloin.com');
    expect(account).toBeDefined();
    const owners = await stack.accord.store.listOwners(stack.tenant);
    const accountOwner = owners.find((o) => o.id === account?.ownerId);
    // The account belongs to someone outside the West team the territory would pick.
    expect(accountOwner?.teams).not.toEqual(['West']);

    stack.sandbox.callLog.reset();
    const id =
      crm === 'hubspot'
        ? ((await stack.control('POST', '/contacts', { source: 'FORM', properties: hotLead })) as { id: string }).id
        : await stack.salesforce.createLead(hotSalesforceLead);
    const routed = await eventually(async () => {
      const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
      return d?.stage === 'sales_ready' ? d : undefined;
    }, 10_000, 'the lead to be routed');
    expect(routed.ownerId).toBe(account?.ownerId);
    expect(routed.routing?.explanation).toBe('account owner of betasoloin.com');
    expect(routed.why).toContain(accountOwner?.name as string);
    const lookups = crm === 'hubspot'
      ? stack.sandbox.callLog.count('POST /crm/v3/objects/companies/search')
      : stack.sandbox.callLog.count('GET /services/data/:version/query');
    // HubSpot: one company search; Salesforce: the lead read and one Account query.
    expect(lookups).toBe(crm === 'hubspot' ? 1 : 2);
  }, 30_000);

  it('asks nothing about accounts for a lead that is not going to sales', async () => {
    stack.sandbox.callLog.reset();
    const id =
      crm === 'hubspot'
        ? ((await stack.control('POST', '/contacts', { source: 'FORM', properties: { email: 'sam@gmail.com', jobtitle: 'Student', company: 'Betasoloin' } })) as { id: string }).id
        : await stack.salesforce.createLead({ LastName: 'Lee', Email: 'sam@gmail.com', Title: 'Student', Company: 'Betasoloin' });
    await eventually(async () => ((await stack.accord.store.getLatestDecision(stack.tenant, id)) ? true : undefined), 10_000, 'the lead to be decided');
    expect(stack.sandbox.callLog.count('POST /crm/v3/objects/companies/search')).toBe(0);
    if (crm === 'salesforce') expect(stack.sandbox.callLog.count('GET /services/data/:version/query')).toBe(1);
  }, 30_000);
});
