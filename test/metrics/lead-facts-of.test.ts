import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema } from '../../src/core/definition';
import { leadFactsOf } from '../../src/metrics/lead-facts-of';
import { makeLead } from '../core/make-lead';

describe('leadFactsOf', () => {
  it('keeps where the lead came from and when, and no personal data', () => {
    const lead = makeLead({
      recordId: '1042',
      source: 'PAID_SEARCH',
      campaign: ' Q3 Hardware Refresh ',
      country: 'United States',
      state: 'CA',
      createdAt: '2026-03-02T09:00:00Z',
    });

    const facts = leadFactsOf(lead);

    expect(facts).toEqual({
      recordId: '1042',
      createdAt: '2026-03-02T09:00:00.000Z',
      source: 'PAID_SEARCH',
      campaign: 'Q3 Hardware Refresh',
      country: 'United States',
      region: 'West',
      outcome: null,
      outcomeAt: null,
      amount: null,
    });
    expect(JSON.stringify(facts)).not.toMatch(/pat|lee|acme|901820/i);
  });

  it('places the lead in the territories of the definition given', () => {
    const emea = definitionSchema.parse({
      ...defaultDefinition,
      routing: { ...defaultDefinition.routing, territories: [{ region: 'EMEA', countries: ['Germany'], states: [] }] },
    });

    expect(leadFactsOf(makeLead({ country: 'Germany' }), emea).region).toBe('EMEA');
    expect(leadFactsOf(makeLead({ country: 'Germany' })).region).toBe('East');
    expect(leadFactsOf(makeLead({ country: null, state: null })).region).toBeNull();
  });

  it('reads blanks as unknown and an unparseable creation date as none', () => {
    const facts = leadFactsOf(makeLead({ source: '  ', campaign: '', country: null, createdAt: 'not a date' }));

    expect(facts).toMatchObject({ source: null, campaign: null, country: null, createdAt: null });
  });

  it('records a win only where the record shows one: a HubSpot customer, with its date and deal amount', () => {
    const customer = makeLead({
      raw: { lifecyclestage: 'customer', hs_lifecyclestage_customer_date: '1772442000000', recent_deal_amount: '48,000.50' },
    });

    expect(leadFactsOf(customer)).toMatchObject({ outcome: 'won', outcomeAt: '2026-03-02T09:00:00.000Z', amount: 48000.5 });
    expect(leadFactsOf(makeLead({ raw: { lifecyclestage: 'opportunity', total_revenue: '12000' } }))).toMatchObject({
      outcome: null,
      outcomeAt: null,
      amount: 12000,
    });
    // A Salesforce lead never says it lost or won: unknown until an outcome sync.
    expect(leadFactsOf(makeLead({ crm: 'salesforce', raw: { lifecyclestage: 'customer' } })).outcome).toBeNull();
  });
});
