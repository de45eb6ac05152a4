import { classifyRejection } from '../../../src/core/classify-rejection';
import { decide, decideWithRouting } from '../../../src/core/decide';
import type { Decision } from '../../../src/core/decision';
import { defaultDefinition } from '../../../src/core/default-definition';
import { feedbackFor } from '../../../src/core/feedback-for';
import type { Lead } from '../../../src/core/lead';
import { rejectionCriteria } from '../../../src/core/rejection-criteria';
import { makeOwner, signal } from '../make-lead';
import { definitionWith, hourMs, salesReadyLead } from './loop-fixtures';

const t0 = new Date('2026-03-02T15:00:00.000Z');
const later = new Date(t0.getTime() + 3 * hourMs);
const owners = [makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] }), makeOwner('mkt', { name: 'Marketing Queue', teams: [] })];
const routedOn = (lead: Lead): Decision => decide(lead, defaultDefinition, { owners, routingState: {}, previous: null }, t0);

/** Sales-ready on size, contact and strong intent (25 + 10 + 35) despite a junior title. */
const juniorButKeen = salesReadyLead({
  title: 'Sales Associate',
  activity: [signal('demo_request', 1), signal('pricing_page_view', 1), signal('webinar', 1), signal('content_download', 1)],
});

describe('classifyRejection', () => {
  test('a lead that met every criterion and is rejected for budget is a definition miss', () => {
    const routed = routedOn(salesReadyLead());
    expect(routed.stage).toBe('sales_ready');
    expect(classifyRejection('no_budget', routed, defaultDefinition)).toMatchObject({
      kind: 'definition_miss',
      basis: 'met_definition',
      reason: 'no_budget',
      failedChecks: [],
      explanation: 'No budget: it met the definition when routed (score 85), so it counts as a definition miss for calibration.',
    });
  });

  test('"not a decision maker" on a lead that failed the title check counts against the source', () => {
    const routed = routedOn(juniorButKeen);
    expect(routed.stage).toBe('sales_ready');
    expect(classifyRejection('Not a decision maker', routed, defaultDefinition)).toMatchObject({
      kind: 'source_failure',
      basis: 'failed_named_check',
      failedChecks: ['title_match'],
    });
    // The same lead rejected for timing met the definition.
    expect(classifyRejection('poor_timing', routed, defaultDefinition).kind).toBe('definition_miss');
  });

  test('"not a decision maker" on a lead whose title matched is a definition miss', () => {
    expect(classifyRejection('not_decision_maker', routedOn(salesReadyLead()), defaultDefinition).kind).toBe('definition_miss');
  });

  test('bad contact data on a lead without a verified contact counts against the source', () => {
    const routed = routedOn({ ...juniorButKeen, title: 'VP Sales', phone: null });
    expect(routed.stage).toBe('sales_ready');
    expect(classifyRejection('bad_contact_data', routed, defaultDefinition)).toMatchObject({ kind: 'source_failure', failedChecks: ['verified_contact'] });
  });

  test('a disqualifier the lead already tripped counts against the source', () => {
    const routed = routedOn(salesReadyLead({ title: 'Marketing Intern' }));
    expect(classifyRejection('student', routed, defaultDefinition)).toMatchObject({ kind: 'source_failure', failedChecks: ['student'] });
  });

  test('missing required fields at routing time count against the source, whatever the reason', () => {
    const routed = routedOn(salesReadyLead({ country: null }));
    expect(routed).toMatchObject({ stage: 'sales_ready', missingFields: ['country'] });
    expect(classifyRejection('no_budget', routed, defaultDefinition)).toMatchObject({ kind: 'source_failure', basis: 'missing_fields' });
  });

  test('a lead the definition never had sales-ready, or never saw, counts against the source', () => {
    const mql = routedOn(salesReadyLead({ activity: [] }));
    expect(mql.stage).toBe('mql');
    expect(classifyRejection('other', mql, defaultDefinition)).toMatchObject({ kind: 'source_failure', basis: 'not_sales_ready' });
    expect(classifyRejection('duplicate', null, defaultDefinition)).toMatchObject({ kind: 'source_failure', basis: 'not_routed_by_accord' });
  });

  test('wrong industry maps to whatever checks read the industry; free text is "other"', () => {
    expect(rejectionCriteria('wrong_industry', defaultDefinition)).toEqual([]);
    const withIndustry = definitionWith({
      criteria: [...defaultDefinition.criteria, { id: 'saas', label: 'Software industry', kind: 'fit', points: 10, when: { field: 'industry', op: 'eq', value: 'Software' } }],
    });
    expect(rejectionCriteria('wrong_industry', withIndustry)).toEqual(['saas']);
    const routed = decide(salesReadyLead({ industry: 'Mining' }), withIndustry, { owners, routingState: {}, previous: null }, t0);
    expect(classifyRejection('Wrong industry', routed, withIndustry)).toMatchObject({ kind: 'source_failure', failedChecks: ['saas'] });
    expect(classifyRejection('Wrong department', routed, withIndustry).reason).toBe('other');
  });
});

describe('feedback on rejection', () => {
  const marketing = definitionWith({ feedback: { marketingOwnerId: 'mkt' } });

  test('a rejection moves the lead to nurture, hands it to marketing, stamps the why and is recorded once', () => {
    const routed = decide(salesReadyLead({ campaign: 'spring-webinar' }), marketing, { owners, routingState: {}, previous: null }, t0);
    const lead = salesReadyLead({ campaign: 'spring-webinar', ownerId: 'o1', rejectionReason: 'no_budget', rejectionNote: 'Budget frozen until Q3' });
    const rejected = decide(lead, marketing, { owners, routingState: {}, previous: routed }, later);
    expect(rejected).toMatchObject({
      stage: 'nurture',
      ownerId: 'mkt',
      slaDueAt: null,
      rejection: { reason: 'no_budget', note: 'Budget frozen until Q3', rejectedAt: later.toISOString() },
    });
    expect(rejected.why.split('\n')[0]).toBe('Nurture (score 85/100): rejected by sales as No budget ("Budget frozen until Q3"); back to marketing.');
    expect(rejected.why.split('\n').at(-1)).toBe('Handed back to marketing: Marketing Queue');

    const feedback = feedbackFor(routed, rejected, lead, marketing, owners);
    expect(feedback).toMatchObject({
      recordId: 'r1',
      reason: 'no_budget',
      reasonText: 'no_budget',
      note: 'Budget frozen until Q3',
      repOwnerId: 'o1',
      repName: 'Maria Lopez',
      source: 'ORGANIC_SEARCH',
      campaign: 'spring-webinar',
      definitionVersion: 0,
      scoreAtRouting: 85,
      routedAt: t0.toISOString(),
      rejectedAt: later.toISOString(),
      classification: { kind: 'definition_miss' },
      lead: { name: 'Pat Lee', title: 'VP Sales', signals: ['Demo request'] },
    });

    // Re-scored later, the same rejection is not recorded again and keeps its date.
    const again = decide({ ...lead, ownerId: 'mkt' }, marketing, { owners, routingState: {}, previous: rejected }, new Date(later.getTime() + hourMs));
    expect(again.rejection?.rejectedAt).toBe(later.toISOString());
    expect(feedbackFor(rejected, again, lead, marketing, owners)).toBeNull();
  });

  test('a rejected decision stored before rejections were recorded is not counted again', () => {
    const lead = salesReadyLead({ rejectionReason: 'student' });
    const { rejection: _gone, ...legacy } = decide(lead, defaultDefinition, { owners, routingState: {}, previous: null }, t0);
    const again = decide(lead, defaultDefinition, { owners, routingState: {}, previous: legacy as Decision }, later);
    expect(feedbackFor(legacy as Decision, again, lead, defaultDefinition, owners)).toBeNull();
  });

  test("no marketing owner configured: the rep's ownership is left as it is", () => {
    const lead = salesReadyLead({ ownerId: 'o1', rejectionReason: 'poor_timing' });
    expect(decide(lead, defaultDefinition, { owners, routingState: {}, previous: null }, t0).ownerId).toBe('o1');
  });

  test('a rejected lead that qualifies again is routed to sales, not kept with marketing', () => {
    const back = salesReadyLead({ ownerId: 'mkt', rejectionReason: null });
    const { decision } = decideWithRouting(back, marketing, { owners, routingState: {}, previous: null }, later);
    expect(decision).toMatchObject({ stage: 'sales_ready', ownerId: 'o1', rejection: null });
  });
});
