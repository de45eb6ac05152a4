import type { LeadFacts } from '../../src/store/store';
import type { DashboardSummary } from '../../src/metrics/build-dashboard-summary';
import type { DashboardTable } from '../../src/metrics/dashboard-table';
import { syncAllOutcomes } from '../../src/jobs/outcome-sync-job';
import { outcomeSyncCursorName } from '../../src/pipeline/sync-tenant-outcomes';
import { signDashboardLink } from '../../src/server/dashboard/sign-dashboard-link';
import { hotLead } from '../e2e/hot-hubspot-lead';
import { e2eSecretKey, eventually } from '../e2e/start-e2e-stack';
import { startLoopStack, type LoopStack } from './start-loop-stack';

/** The scoreboard as the signed link shows it to the tenant. */
async function dashboard<T>(stack: LoopStack, path: string, params: Record<string, string> = {}): Promise<T> {
  const link = signDashboardLink(e2eSecretKey, stack.tenant, Math.floor(Date.now() / 1000) + 600);
  const response = await fetch(`${stack.accord.url}/dashboard/api/${path}?${new URLSearchParams({ ...link, ...params })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function scoreboard(stack: LoopStack) {
  // The dashboard keeps what it read for 10 s (on Accord's clock): look after that.
  stack.clock.advance(11_000);
  const summary = await dashboard<DashboardSummary>(stack, 'summary');
  const sources = summary.tables.find((t) => t.id === 'sources') as DashboardTable;
  const leads = await dashboard<{ table: DashboardTable }>(stack, 'leads', { drill: 'all/created' });
  return {
    won: summary.headline.won.value,
    revenueBySource: Object.fromEntries(sources.rows.map((row) => [String(row.source?.value), row.revenue?.value ?? null])),
    outcomes: Object.fromEntries(leads.table.rows.map((row) => [String(row.record?.value), row.outcome?.value || null])),
  };
}

async function decided(stack: LoopStack, id: string): Promise<void> {
  await eventually(async () => ((await stack.accord.store.listLeadFacts(stack.tenant)).some((f) => f.recordId === id) ? true : undefined), 10_000, `lead ${id} decided`);
}

/** Runs the job as its schedule would, counting the store writes it makes. */
async function syncCountingWrites(stack: LoopStack) {
  const { store, runtime, logger } = stack.accord;
  const upsert = jest.spyOn(store, 'upsertLeadFacts');
  try {
    const results = await syncAllOutcomes({ store, runtime, clock: stack.clock, logger });
    return { result: results.find((r) => r.tenant.tenantId === stack.tenant.tenantId), factWrites: upsert.mock.calls.length };
  } finally {
    upsert.mockRestore();
  }
}

describe('outcome sync: won and lost deals reach the scoreboard (real SDKs against the sandbox CRM)', () => {
  describe('HubSpot', () => {
    let stack: LoopStack;
    beforeAll(async () => {
      stack = await startLoopStack('hubspot', { ACCORD_SECRET_KEY: e2eSecretKey });
    }, 30_000);
    afterAll(() => stack?.stop());

    it('records customers as won with the deal amount and unqualified contacts as lost, then resumes from its cursor', async () => {
      const create = async (email: string, source: string) =>
        ((await stack.control('POST', '/contacts', { source: 'FORM', properties: { ...hotLead, email, hs_analytics_source: source } })) as { id: string }).id;
      const customer = await create('dana.reyes@betasoloin.com', 'PAID_SEARCH');
      const unqualified = await create('li.wong@betasoloin.com', 'ORGANIC_SEARCH');
      const open = await create('ana.silva@betasoloin.com', 'ORGANIC_SEARCH');
      for (const id of [customer, unqualified, open]) await decided(stack, id);
      // A customer Accord never decided (no webhook ever came for it): the sync leaves it alone.
      const hubspot = stack.sandbox.state.hubspot;
      const ui = { changeSource: 'CRM_UI' as const, sourceId: 'userId:7000001' };
      const stranger = hubspot.contacts.create({ ...hotLead, email: 'x@elsewhere.example', lifecyclestage: 'customer', recent_deal_amount: '999' }, ui, { silent: true }).id;
      // A customer Accord decided long ago, unchanged in the CRM since.
      const longAgo = Date.parse('2025-01-06T09:00:00.000Z');
      const old = hubspot.contacts.create(
        { ...hotLead, email: 'old@betasoloin.com', lifecyclestage: 'customer', hs_lifecyclestage_customer_date: '2025-01-06T09:00:00.000Z', recent_deal_amount: '7000' },
        ui,
        { silent: true, createdAt: longAgo - 86_400_000, updatedAt: longAgo },
      ).id;
      const oldFacts: LeadFacts = { recordId: old, createdAt: new Date(longAgo - 86_400_000).toISOString(), source: 'REFERRALS', campaign: null, country: 'United States', region: 'West', outcome: null, outcomeAt: null, amount: null };
      await stack.accord.store.upsertLeadFacts(stack.tenant, [oldFacts], new Date(longAgo).toISOString());

      // A rep closes the deal (HubSpot makes the contact a customer and rolls the amount up) and disqualifies another.
      const closedAt = new Date().toISOString();
      await stack.control('PATCH', `/contacts/${customer}`, {
        userId: 7000001,
        properties: { lifecyclestage: 'customer', hs_lifecyclestage_customer_date: closedAt, recent_deal_amount: '48000' },
      });
      await stack.control('PATCH', `/contacts/${unqualified}`, { userId: 7000001, properties: { hs_lead_status: 'UNQUALIFIED' } });
      await stack.settled();
      // The worker sees the customer but not its deal; nothing on a contact read says lost.
      expect((await scoreboard(stack)).outcomes).toMatchObject({ [customer]: 'won', [unqualified]: null });

      stack.sandbox.callLog.reset();
      const first = await syncCountingWrites(stack);
      expect(first.result).toMatchObject({ recorded: 3, cursor: expect.any(String) });
      expect(first.factWrites).toBe(1);
      expect(stack.sandbox.callLog.count('POST /crm/v3/objects/contacts/search')).toBe(1);

      const facts = new Map((await stack.accord.store.listLeadFacts(stack.tenant)).map((f) => [f.recordId, f]));
      expect(facts.get(customer)).toMatchObject({ outcome: 'won', outcomeAt: closedAt, amount: 48000, source: 'PAID_SEARCH' });
      expect(facts.get(unqualified)).toMatchObject({ outcome: 'lost', amount: null, source: 'ORGANIC_SEARCH' });
      expect(facts.get(open)).toMatchObject({ outcome: null });
      expect(facts.get(old)).toEqual({ ...oldFacts, outcome: 'won', outcomeAt: '2025-01-06T09:00:00.000Z', amount: 7000 });
      expect(facts.has(stranger)).toBe(false);
      expect(await stack.accord.store.getCursor(stack.tenant, outcomeSyncCursorName)).toBe(first.result?.cursor);

      const board = await scoreboard(stack);
      expect(board.won).toBe(1);
      expect(board.revenueBySource).toMatchObject({ PAID_SEARCH: 48000 });
      expect(board.outcomes).toEqual({ [customer]: 'won', [unqualified]: 'lost', [open]: null });

      // Nothing changed: one search, only the recent changes (not the contact unchanged since 2025), no write.
      stack.sandbox.callLog.reset();
      const second = await syncCountingWrites(stack);
      expect(second.result).toMatchObject({ recorded: 0, cursor: first.result?.cursor });
      expect(second.result?.read).toBeLessThan(first.result?.read ?? 0);
      expect(second.factWrites).toBe(0);
      expect(stack.sandbox.callLog.count()).toBe(1);

      // A later change is picked up on the next run.
      await stack.control('PATCH', `/contacts/${open}`, { userId: 7000001, properties: { hs_lead_status: 'UNQUALIFIED' } });
      await stack.settled();
      const third = await syncCountingWrites(stack);
      expect(third.result).toMatchObject({ recorded: 1 });
      expect((await scoreboard(stack)).outcomes[open]).toBe('lost');
    }, 60_000);
  });

  describe('Salesforce', () => {
    let stack: LoopStack;
    beforeAll(async () => {
      stack = await startLoopStack('salesforce');
    }, 30_000);
    afterAll(() => stack?.stop());

    const lead = (last: string, source: string) => ({
      FirstName: 'Sam',
      LastName: last,
      Email: `sam.${last.toLowerCase()}@betasoloin.com`,
      Title: 'VP of Sales',
      Company: 'Betasoloin',
      NumberOfEmployees: 300,
      Country: 'United States',
      State: 'CA',
      Phone: '+1 415 867 2301',
      LeadSource: source,
    });
    const convert = async (id: string) => {
      await stack.control('POST', `/salesforce/leads/${id}/convert`, { opportunity: 'open' });
      return String((await stack.salesforce.readLead(id)).ConvertedOpportunityId);
    };
    const closeOpportunity = (id: string, outcome: 'won' | 'lost', amount?: number) => stack.control('PATCH', `/salesforce/opportunities/${id}`, { outcome, ...(amount === undefined ? {} : { amount }) });

    it('records the converted opportunity closed won with its Amount, unqualified leads and closed-lost opportunities as lost, resuming from its cursor', async () => {
      const won = await stack.salesforce.createLead(lead('Won', 'Web'));
      const unqualified = await stack.salesforce.createLead(lead('Unqualified', 'Partner Referral'));
      const later = await stack.salesforce.createLead(lead('Later', 'Partner Referral'));
      const open = await stack.salesforce.createLead(lead('Open', 'Web'));
      for (const id of [won, unqualified, later, open]) await decided(stack, id);

      const wonDeal = await convert(won);
      const laterDeal = await convert(later);
      await closeOpportunity(wonDeal, 'won', 52000);
      await stack.salesforce.editAsRep(unqualified, { Status: 'Closed - Not Converted' });
      await stack.settled();

      stack.sandbox.callLog.reset();
      const first = await syncCountingWrites(stack);
      // Converted into a still-open opportunity is no verdict yet, whatever calibration makes of it.
      expect(first.result).toMatchObject({ recorded: 2 });
      expect(first.factWrites).toBe(1);
      const today = new Date().toISOString().slice(0, 10);
      const facts = new Map((await stack.accord.store.listLeadFacts(stack.tenant)).map((f) => [f.recordId, f]));
      expect(facts.get(won)).toMatchObject({ outcome: 'won', outcomeAt: `${today}T00:00:00.000Z`, amount: 52000, source: 'Web' });
      expect(facts.get(unqualified)).toMatchObject({ outcome: 'lost', amount: null });
      expect(facts.get(later)).toMatchObject({ outcome: null });

      const board = await scoreboard(stack);
      expect(board.won).toBe(1);
      expect(board.revenueBySource).toMatchObject({ Web: 52000 });
      expect(board.outcomes).toMatchObject({ [won]: 'won', [unqualified]: 'lost', [later]: null, [open]: null });

      // No change since: one query, no write (the worker's last decisions settled first, so it writes nothing meanwhile).
      await stack.settled();
      stack.sandbox.callLog.reset();
      const second = await syncCountingWrites(stack);
      expect(second.result).toMatchObject({ recorded: 0, cursor: first.result?.cursor });
      expect(second.factWrites).toBe(0);
      expect(stack.sandbox.callLog.count()).toBe(1);

      // Closing an opportunity does not touch its converted lead: the cursor follows the opportunity too.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await closeOpportunity(laterDeal, 'lost', 15000);
      const third = await syncCountingWrites(stack);
      expect(third.result).toMatchObject({ recorded: 1 });
      expect(third.result?.cursor && first.result?.cursor && third.result.cursor > first.result.cursor).toBe(true);
      const after = await scoreboard(stack);
      expect(after.outcomes[later]).toBe('lost');
      // A lost deal's amount is not revenue.
      expect(after.revenueBySource).toMatchObject({ Web: 52000 });
      expect(after.won).toBe(1);
    }, 60_000);
  });
});
