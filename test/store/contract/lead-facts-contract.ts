import type { LeadFacts } from '../../../src/store/store';
import { at, decision, tenantA, tenantAOnSalesforce, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

function facts(recordId: string, overrides: Partial<LeadFacts> = {}): LeadFacts {
  return {
    recordId,
    createdAt: at(0),
    source: 'PAID_SEARCH',
    campaign: 'spring-webinar',
    country: 'United States',
    region: 'West',
    outcome: null,
    outcomeAt: null,
    amount: null,
    ...overrides,
  };
}

export function describeLeadFactsContract(makeStore: MakeStore): void {
  describe('lead facts and decision history', () => {
    const store = useFreshStore(makeStore);

    it('lists each record once, by record id, with its latest snapshot', async () => {
      await store().upsertLeadFacts(tenantA, [facts('b-2'), facts('a-1', { source: null, campaign: null })], at(1));
      await store().upsertLeadFacts(tenantA, [facts('b-2', { source: 'ORGANIC_SEARCH', region: null, country: null })], at(2));

      expect(await store().listLeadFacts(tenantA)).toEqual([
        facts('a-1', { source: null, campaign: null }),
        facts('b-2', { source: 'ORGANIC_SEARCH', region: null, country: null }),
      ]);
    });

    it('keeps the last snapshot of a record listed twice in one call', async () => {
      await store().upsertLeadFacts(tenantA, [facts('r-1', { campaign: 'first' }), facts('r-1', { campaign: 'second' })], at(1));

      expect(await store().listLeadFacts(tenantA)).toEqual([facts('r-1', { campaign: 'second' })]);
    });

    it('keeps a known outcome, its time and the amount when a later snapshot carries none', async () => {
      const won = facts('r-1', { outcome: 'won', outcomeAt: at(600), amount: 48000 });
      await store().upsertLeadFacts(tenantA, [won], at(601));
      await store().upsertLeadFacts(tenantA, [facts('r-1', { campaign: 'renamed', createdAt: null })], at(700));

      expect(await store().listLeadFacts(tenantA)).toEqual([{ ...won, campaign: 'renamed' }]);
    });

    it('keeps the time of an outcome when a snapshot repeats the outcome without one, and drops it when the outcome changes', async () => {
      await store().upsertLeadFacts(tenantA, [facts('r-1', { outcome: 'won', outcomeAt: at(600), amount: 48000 }), facts('r-2', { outcome: 'won', outcomeAt: at(600) })], at(601));
      // The worker's read says "customer" but carries no date; a later verdict without a date is a new one.
      await store().upsertLeadFacts(tenantA, [facts('r-1', { outcome: 'won' }), facts('r-2', { outcome: 'lost' })], at(700));

      expect(await store().listLeadFacts(tenantA)).toEqual([
        facts('r-1', { outcome: 'won', outcomeAt: at(600), amount: 48000 }),
        facts('r-2', { outcome: 'lost', outcomeAt: null }),
      ]);
    });

    it('replaces an outcome with a newer one', async () => {
      await store().upsertLeadFacts(tenantA, [facts('r-1', { outcome: 'won', outcomeAt: at(600), amount: 48000 })], at(601));
      await store().upsertLeadFacts(tenantA, [facts('r-1', { outcome: 'lost', outcomeAt: at(900) })], at(901));

      expect(await store().listLeadFacts(tenantA)).toEqual([facts('r-1', { outcome: 'lost', outcomeAt: at(900), amount: 48000 })]);
    });

    it('normalises times and refuses an amount that is not a finite number', async () => {
      await store().upsertLeadFacts(tenantA, [facts('r-1', { createdAt: '2025-03-03T10:00:00+01:00' })], at(1));
      expect((await store().listLeadFacts(tenantA))[0]?.createdAt).toBe('2025-03-03T09:00:00.000Z');

      await expect(store().upsertLeadFacts(tenantA, [facts('r-2', { amount: Number.NaN })], at(1))).rejects.toThrow(/r-2/);
      await expect(store().upsertLeadFacts(tenantA, [facts('r-3', { createdAt: 'yesterday' })], at(1))).rejects.toThrow(/createdAt/);
      expect((await store().listLeadFacts(tenantA)).map((f) => f.recordId)).toEqual(['r-1']);
    });

    it('writes many records in one call', async () => {
      const many = Array.from({ length: 1203 }, (_, index) => facts(`r-${String(index).padStart(4, '0')}`));
      await store().upsertLeadFacts(tenantA, many, at(1));

      const listed = await store().listLeadFacts(tenantA);
      expect(listed).toHaveLength(1203);
      expect(listed[1202]).toEqual(many[1202]);
    });

    it('keeps facts apart by tenant and by CRM', async () => {
      await store().upsertLeadFacts(tenantA, [facts('r-1')], at(1));
      await store().upsertLeadFacts(tenantAOnSalesforce, [facts('r-1', { source: 'Web' })], at(1));

      expect(await store().listLeadFacts(tenantB)).toEqual([]);
      expect(await store().listLeadFacts(tenantAOnSalesforce)).toEqual([facts('r-1', { source: 'Web' })]);
      expect(await store().listLeadFacts(tenantA)).toEqual([facts('r-1')]);
    });

    it('lists whole decision histories by record, within a time window', async () => {
      const first = decision({ recordId: 'r-2', stage: 'mql', decidedAt: at(0) });
      const second = decision({ recordId: 'r-1', stage: 'nurture', decidedAt: at(10) });
      const third = decision({ recordId: 'r-2', stage: 'sales_ready', decidedAt: at(20) });
      const fourth = decision({ recordId: 'r-2', stage: 'sql', decidedAt: at(30) });
      await store().commitDecisions(tenantA, [first, second].map((d) => ({ decision: d, writtenFields: [] })), {}, []);
      await store().commitDecisions(tenantA, [third, fourth].map((d) => ({ decision: d, writtenFields: [] })), {}, []);
      await store().commitDecisions(
        tenantB,
        [{ decision: decision({ ...tenantB, recordId: 'r-1', decidedAt: at(15) }), writtenFields: [] }],
        {},
        [],
      );

      expect(await store().listDecisionHistory(tenantA)).toEqual([second, first, third, fourth]);
      expect(await store().listDecisionHistory(tenantA, { from: at(10) })).toEqual([second, third, fourth]);
      expect(await store().listDecisionHistory(tenantA, { from: at(10), to: at(30) })).toEqual([second, third]);
      expect(await store().listDecisionHistory(tenantA, { to: '2025-03-03T09:10:00Z' })).toEqual([first]);
      expect(await store().listDecisionHistory(tenantAOnSalesforce)).toEqual([]);
    });
  });
}
