import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { call, sdkClient, startTestSandbox } from './support/test-sandbox';

describe('sandbox HubSpot contact search through @hubspot/api-client', () => {
  let sandbox: Sandbox;
  let client: Client;
  let now: number;

  beforeEach(async () => {
    now = Date.UTC(2025, 0, 15, 12);
    sandbox = await startTestSandbox({ clock: () => now });
    client = sdkClient(sandbox);
    // 25 contacts modified one minute apart, so lastmodifieddate windows are exact.
    for (let i = 0; i < 25; i++) {
      now += 60_000;
      await client.crm.contacts.basicApi.create({
        properties: { email: `s${String(i).padStart(2, '0')}@x.example`, hs_analytics_num_page_views: String(i) },
        associations: [],
      });
    }
  });
  afterEach(() => sandbox.close());

  it('finds contacts modified since a time (GTE, epoch ms), paging with after until the end', async () => {
    const since = Date.UTC(2025, 0, 15, 12) + 11 * 60_000;
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.crm.contacts.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(since) }] }],
        sorts: ['lastmodifieddate'],
        properties: ['email'],
        limit: 4,
        after,
      });
      expect(page.total).toBe(15);
      seen.push(...page.results.map((r) => r.properties.email ?? ''));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => `s${String(i + 10).padStart(2, '0')}@x.example`));
  });

  it('supports GT/LT/LTE/EQ on lastmodifieddate with ISO values too', async () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 15, 12) + minute * 60_000).toISOString();
    const count = async (operator: FilterOperatorEnum, value: string) =>
      (await client.crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator, value }] }], limit: 1 })).total;
    expect(await count(FilterOperatorEnum.Gt, at(20))).toBe(5);
    expect(await count(FilterOperatorEnum.Lt, at(3))).toBe(2);
    expect(await count(FilterOperatorEnum.Lte, at(3))).toBe(3);
    expect(await count(FilterOperatorEnum.Eq, at(7))).toBe(1);
  });

  it('finds a contact by email (EQ, case-insensitive) and ORs filter groups', async () => {
    const byEmail = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: FilterOperatorEnum.Eq, value: 'S03@X.example' }] }],
      properties: ['hs_analytics_num_page_views'],
    });
    expect(byEmail.results.map((r) => r.properties.hs_analytics_num_page_views)).toEqual(['3']);
    const either = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: FilterOperatorEnum.Eq, value: 's01@x.example' }] },
        { filters: [{ propertyName: 'hs_analytics_num_page_views', operator: FilterOperatorEnum.Gte, value: '23' }] },
      ],
    });
    expect(either.total).toBe(3);
    const freeText = await client.crm.contacts.searchApi.doSearch({ query: 'S07@', properties: ['email'] });
    expect(freeText.results.map((r) => r.properties.email)).toEqual(['s07@x.example']);
  });

  it('sorts descending with an object sort and defaults to 10 per page', async () => {
    const response = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', {
      sorts: [{ propertyName: 'hs_analytics_num_page_views', direction: 'DESCENDING' }],
      properties: ['hs_analytics_num_page_views'],
    });
    const results = (response.body?.results ?? []) as Array<{ properties: { hs_analytics_num_page_views: string } }>;
    expect(results).toHaveLength(10);
    expect(results[0]?.properties.hs_analytics_num_page_views).toBe('24');
    expect(response.body?.paging).toEqual({ next: { after: '10' } });
  });

  it('refuses limit above 200, paging past 10,000 results and unknown filter properties', async () => {
    expect((await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', { limit: 201 })).status).toBe(400);
    const pastCap = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', { after: '10000' });
    expect(pastCap.status).toBe(400);
    expect(pastCap.body).toEqual(expect.objectContaining({ category: 'VALIDATION_ERROR', message: expect.stringContaining('10000') }));
    const unknown = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }],
    });
    expect(unknown.status).toBe(400);
  });
});

describe('search result cap', () => {
  it('reports the full total but never pages beyond the first 10,000 results', async () => {
    const sandbox = await startTestSandbox();
    try {
      const source = { changeSource: 'IMPORT' as const, sourceId: '1' };
      sandbox.state.hubspot.contacts.createMany(
        Array.from({ length: 10_050 }, (_, i) => ({ email: `cap${i}@x.example` })),
        source,
        { silent: true },
      );
      const last = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', { limit: 200, after: '9900' });
      expect(last.status).toBe(200);
      expect(last.body?.total).toBe(10_050);
      expect((last.body?.results as unknown[]).length).toBe(100);
      expect(last.body?.paging).toBeUndefined();
    } finally {
      await sandbox.close();
    }
  });
});

describe('search rate limit', () => {
  it('allows 5 searches per second per token, then answers 429 with the SECONDLY policy', async () => {
    const sandbox = await startTestSandbox({ searchRateLimit: { requests: 5, windowMs: 1_000 } });
    try {
      const statuses: number[] = [];
      let refused: Awaited<ReturnType<typeof call>> | undefined;
      for (let i = 0; i < 6; i++) {
        const response = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', {});
        statuses.push(response.status);
        if (response.status === 429) refused = response;
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(refused?.body).toEqual(expect.objectContaining({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' }));
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Search has its own budget: other endpoints still answer.
      expect((await call(sandbox, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
