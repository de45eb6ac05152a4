import { decide } from '../../src/core/decide';
import type { Decision } from '../../src/core/decision';
import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema, type Definition, type DefinitionInput } from '../../src/core/definition';
import type { ActivitySignal, Lead } from '../../src/core/lead';
import { makeLead, makeOwner, signal } from './make-lead';

const now = new Date('2026-03-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const owners = [makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] })];

/** 65 points of fit: a buying title (30), 120 employees (25), business email and real phone (10). */
const fitLead = (overrides: Partial<Lead> = {}) =>
  makeLead({ title: 'VP Sales', employees: 120, email: 'pat@acme-industries.com', phone: '+1 415 867 5309', ...overrides });
const withActivity = (...activity: ActivitySignal[]) => fitLead({ activity });

function decideDefault(lead: Lead, previous: Decision | null = null, definition: Definition = defaultDefinition): Decision {
  return decide(lead, definition, { owners, routingState: {}, previous }, now);
}
const pointsOf = (d: Decision) => Object.fromEntries(d.reasons.map((r) => [r.criterionId, r.points]));
const sumOfPoints = (d: Decision) => d.reasons.reduce((s, r) => s + r.points, 0);

describe('decide: score and stage by threshold', () => {
  test.each<[string, Lead, Decision['stage'], number]>([
    ['a buying title alone (30)', makeLead({ title: 'VP Sales', employees: 12, phone: null }), 'nurture', 30],
    ['title and verified contact: exactly the MQL threshold (40)', fitLead({ employees: 12 }), 'mql', 40],
    ['fit without intent (65)', fitLead(), 'mql', 65],
    ['fit and a webinar: exactly sales-ready (70)', withActivity(signal('webinar', 1, daysAgo(0))), 'sales_ready', 70],
    // 5 × 0.5^(6/30) = 4.35 → 69.35 rounds to 69, one point short.
    ['fit and a 6-day-old webinar (69)', withActivity(signal('webinar', 1, daysAgo(6))), 'mql', 69],
    ['fit and a fresh demo request (85)', withActivity(signal('demo_request', 1, daysAgo(0))), 'sales_ready', 85],
  ])('%s', (_, lead, stage, score) => {
    const decision = decideDefault(lead);
    expect(decision.stage).toBe(stage);
    expect(decision.score).toBe(score);
    expect(sumOfPoints(decision)).toBe(score);
  });

  test('below the MQL threshold the why says so', () => {
    expect(decideDefault(makeLead({ title: 'VP Sales', employees: 12, phone: null })).why.split('\n')[0]).toBe(
      'Nurture (score 30/100): below the MQL threshold of 40.',
    );
  });

  test('a sales-ready lead with moderate intent gets the standard 24 h SLA', () => {
    const decision = decideDefault(withActivity(signal('demo_request', 1, daysAgo(0))));
    expect(decision).toMatchObject({ autoAccepted: false, slaTier: 'standard', routedAt: now.toISOString() });
    expect(decision.slaDueAt).toBe('2026-03-02T12:00:00.000Z');
    expect(decision.why.split('\n')[0]).toBe(
      'Sales ready (score 85/100): VP Sales at a 120-person company who requested a demo.',
    );
  });
});

describe('decide: auto-accept', () => {
  test('right title, right size and strong intent go to sales hot, with a 1 h SLA', () => {
    const decision = decideDefault(withActivity(signal('demo_request', 1, daysAgo(0)), signal('pricing_page_view', 2, daysAgo(0))));
    expect(decision).toMatchObject({ stage: 'sales_ready', autoAccepted: true, slaTier: 'hot', score: 95 });
    expect(decision.slaDueAt).toBe('2026-03-01T13:00:00.000Z');
    expect(decision.why.split('\n')[0]).toBe(
      'Sales ready, auto-accepted (score 95/100): VP Sales at a 120-person company who requested a demo and viewed pricing.',
    );
  });

  test('auto-accept needs every named criterion: the wrong company size blocks it', () => {
    const decision = decideDefault(
      fitLead({ employees: 20, activity: [signal('demo_request', 1, daysAgo(0)), signal('pricing_page_view', 1, daysAgo(0))] }),
    );
    // 30 + 10 + 30 = 70: sales-ready on score, hot on intent, but not auto-accepted.
    expect(decision).toMatchObject({ stage: 'sales_ready', autoAccepted: false, slaTier: 'hot', score: 70 });
  });

  test('auto-accept applies below the sales-ready threshold', () => {
    const lead = makeLead({
      title: 'CTO',
      employees: 300,
      phone: null,
      activity: [signal('demo_request', 1, daysAgo(0)), signal('pricing_page_view', 1, daysAgo(0))],
    });
    const definition = definitionSchema.parse({ ...defaultDefinition, thresholds: { mql: 40, salesReady: 99 } });
    expect(decideDefault(lead, null, definition)).toMatchObject({ stage: 'sales_ready', autoAccepted: true, score: 85 });
  });
});

describe('decide: intent decay and cap', () => {
  test.each([
    [null, 20],
    [daysAgo(0), 20],
    [daysAgo(30), 10],
    [daysAgo(60), 5],
    // A clock skew that puts the signal in the future must not inflate it.
    [new Date(now.getTime() + 5 * 86_400_000).toISOString(), 20],
  ])('a demo request last at %j is worth %d', (lastAt, points) => {
    const decision = decideDefault(makeLead({ title: null, employees: null, activity: [signal('demo_request', 1, lastAt)] }));
    expect(pointsOf(decision).demo_request).toBe(points);
    expect(decision.intentScore).toBe(points);
  });

  test('signals below their minimum count earn nothing', () => {
    const decision = decideDefault(withActivity(signal('page_view', 9), signal('form_submission', 1)));
    expect(pointsOf(decision)).toMatchObject({ engaged_visitor: 0, repeat_converter: 0 });
    expect(decision.reasons.find((r) => r.criterionId === 'engaged_visitor')?.met).toBe(false);
  });

  test('counts of one kind reported twice are added up', () => {
    const decision = decideDefault(withActivity(signal('page_view', 6), signal('page_view', 4)));
    expect(pointsOf(decision).engaged_visitor).toBe(10);
  });

  test('when the cap bites, every signal gives up the same share (45 raw → 35)', () => {
    const decision = decideDefault(
      withActivity(signal('demo_request', 1), signal('pricing_page_view', 1), signal('page_view', 10), signal('form_submission', 2)),
    );
    // 20, 10, 10, 5 scaled by 35/45 = 15.56, 7.78, 7.78, 3.89 → largest remainders → 15, 8, 8, 4.
    expect(pointsOf(decision)).toMatchObject({ demo_request: 15, pricing_page: 8, engaged_visitor: 8, repeat_converter: 4 });
    expect(decision.intentScore).toBe(35);
    expect(decision.score).toBe(100);
  });
});

describe('decide: scaling to 100', () => {
  const definitionWith = (input: Partial<DefinitionInput>) =>
    definitionSchema.parse({ ...defaultDefinition, autoAccept: null, disqualifiers: [], ...input });
  const onePointEach = ['a', 'b', 'c'].map((id) => ({
    id,
    label: id.toUpperCase(),
    kind: 'fit' as const,
    points: 1,
    when: { field: `raw.${id}`, op: 'exists' as const },
  }));
  const noIntent = { ...defaultDefinition.intent, maxPoints: 0 };

  test('a definition worth 50 raw points scales 30 of them to 60', () => {
    const definition = definitionWith({ criteria: [defaultDefinition.criteria[0]!], intent: { ...defaultDefinition.intent, maxPoints: 20 } });
    const decision = decideDefault(makeLead({ title: 'CEO' }), null, definition);
    expect(decision.score).toBe(60);
    expect(pointsOf(decision).title_match).toBe(60);
  });

  test.each([
    [{ a: 'x' }, 33, { a: 33, b: 0, c: 0 }],
    [{ a: 'x', b: 'x' }, 67, { a: 34, b: 33, c: 0 }],
    // Equal remainders: the earlier criterion gets the odd point.
    [{ a: 'x', b: 'x', c: 'x' }, 100, { a: 34, b: 33, c: 33 }],
  ])('thirds: %j → %d with points %j', (raw, score, points) => {
    const definition = definitionWith({ criteria: onePointEach, intent: noIntent });
    const decision = decideDefault(makeLead({ raw }), null, definition);
    expect(decision.score).toBe(score);
    expect(pointsOf(decision)).toMatchObject(points);
  });
});

describe('decide: disqualified', () => {
  test('a free-mail address scores 0, and the reasons still add up to the score', () => {
    const decision = decideDefault(
      fitLead({ email: 'pat@gmail.com', domain: 'gmail.com', activity: [signal('demo_request', 1, daysAgo(0))] }),
    );
    expect(decision).toMatchObject({ stage: 'disqualified', score: 0, disqualifiedBy: ['free_mail'], ownerId: null, routing: null });
    // Title 30 + size 25 + demo 20; the contact check fails on free mail.
    expect(decision.fitScore).toBe(55);
    expect(decision.intentScore).toBe(20);
    expect(pointsOf(decision).free_mail).toBe(-75);
    expect(sumOfPoints(decision)).toBe(0);
    expect(decision.why.split('\n')[0]).toBe('Disqualified: Free-mail address (domain: gmail.com).');
  });

  test('with several disqualifiers the first cancels the points and the others carry 0', () => {
    const decision = decideDefault(fitLead({ title: 'Marketing Intern', phone: '0000000' }));
    expect(decision.disqualifiedBy).toEqual(['student', 'placeholder_phone']);
    const disqualifiers = decision.reasons.filter((r) => r.kind === 'disqualifier');
    expect(disqualifiers.map((r) => [r.criterionId, r.points])).toEqual([
      ['student', -25],
      ['placeholder_phone', 0],
    ]);
    expect(sumOfPoints(decision)).toBe(0);
    expect(decision.why).toContain('Student or job seeker (title: Marketing Intern); Placeholder phone number (phone: 0000000)');
  });

  test('do-not-contact disqualifies even a perfect lead', () => {
    const decision = decideDefault(fitLead({ doNotContact: true, activity: [signal('demo_request', 1), signal('pricing_page_view', 1)] }));
    expect(decision).toMatchObject({ stage: 'disqualified', score: 0, slaTier: null, slaDueAt: null, autoAccepted: false });
  });
});

describe('decide: required fields', () => {
  test('two missing required fields keep even a high scorer in nurture', () => {
    const lead = fitLead({ employees: null, country: '  ', activity: [signal('demo_request', 1), signal('pricing_page_view', 1)] });
    const decision = decideDefault(lead);
    // 30 title + 10 contact + 30 intent = 70, but the record is too incomplete for sales.
    expect(decision).toMatchObject({ stage: 'nurture', score: 70, missingFields: ['employees', 'country'], routing: null });
    expect(decision.why.split('\n')[0]).toBe(
      'Nurture (score 70/100): missing 2 required fields (employees, country), so not sent to sales.',
    );
  });

  test('one missing field is tolerated', () => {
    const decision = decideDefault(fitLead({ country: null, activity: [signal('demo_request', 1)] }));
    expect(decision).toMatchObject({ stage: 'sales_ready', missingFields: ['country'] });
    expect(decision.why).toContain('- Missing: country');
  });
});

describe('decide: what sales said', () => {
  const hotLead = withActivity(signal('demo_request', 1), signal('pricing_page_view', 1));

  test.each([
    ['no_budget', 'No budget'],
    ['Not a decision maker', 'Not a decision maker'],
    ['Wrong department', 'Wrong department'],
  ])('a rejection (%j) sends the lead back to nurture, whatever it scores', (reason, label) => {
    const decision = decideDefault({ ...hotLead, rejectionReason: reason, rejectionNote: 'call back in Q3', ownerId: 'o1' });
    expect(decision).toMatchObject({ stage: 'nurture', score: 95, autoAccepted: false, slaDueAt: null, ownerId: 'o1', routing: null });
    expect(decision.why.split('\n')[0]).toBe(
      `Nurture (score 95/100): rejected by sales as ${label} ("call back in Q3"); back to marketing.`,
    );
  });

  test.each(['in_progress', 'OPEN_DEAL', 'Connected', 'Working - Contacted', 'salesqualifiedlead', 'opportunity', 'In Progress'])(
    'a working status (%j) means sales accepted it',
    (status) => {
      const decision = decideDefault(makeLead({ status, title: null }));
      expect(decision.stage).toBe('sql');
      expect(decision.why.split('\n')[0]).toContain('sales is working this lead');
    },
  );

  test.each(['NEW', 'Open - Not Contacted', 'UNQUALIFIED', null])('a non-working status (%j) does not', (status) => {
    expect(decideDefault(makeLead({ status, title: null })).stage).toBe('nurture');
  });

  test('acceptance sticks when the score later drops, keeping the hand-over time', () => {
    const accepted = decideDefault({ ...hotLead, status: 'working' });
    const previous: Decision = { ...accepted, routedAt: '2026-02-20T09:00:00.000Z' };
    const later = decideDefault(makeLead({ title: 'Engineer', employees: 5, status: 'NEW' }), previous);
    expect(later).toMatchObject({ stage: 'sql', routedAt: '2026-02-20T09:00:00.000Z', slaDueAt: null, slaTier: null });
    expect(later.why.split('\n')[0]).toContain('accepted by sales earlier');
  });

  test('a rejection overrides an earlier acceptance', () => {
    const accepted = decideDefault({ ...hotLead, status: 'working' });
    expect(decideDefault({ ...hotLead, rejectionReason: 'poor_timing' }, accepted).stage).toBe('nurture');
  });
});

describe('decide: record fields', () => {
  test('carries the record, the definition version and the decision time', () => {
    const definition = definitionSchema.parse({ ...defaultDefinition, version: 7 });
    const decision = decideDefault(makeLead({ crm: 'salesforce', tenantId: '00D1', recordId: '00Q9' }), null, definition);
    expect(decision).toMatchObject({
      crm: 'salesforce',
      tenantId: '00D1',
      recordId: '00Q9',
      definitionVersion: 7,
      decidedAt: '2026-03-01T12:00:00.000Z',
    });
  });

  test('leads not sent to sales keep their CRM owner and have no routing or SLA', () => {
    const decision = decideDefault(fitLead({ ownerId: 'o77' }));
    expect(decision).toMatchObject({ stage: 'mql', ownerId: 'o77', routing: null, slaTier: null, slaDueAt: null, routedAt: null });
  });

  test('the why lists criteria met and missed with their points and evidence', () => {
    const lines = decideDefault(fitLead({ employees: 12, activity: [signal('demo_request', 1, daysAgo(3))] })).why.split('\n');
    expect(lines).toContain('+ Title match (+30): title: VP Sales');
    expect(lines).toContain('- Company size 50–500 (0): employees: 12');
    expect(lines).toContain('+ Demo request (+19): 1 demo request, last 2026-02-26');
  });

  test('the why stays short even for a definition with a hundred long-labelled criteria', () => {
    const criteria = Array.from({ length: 100 }, (_, i) => ({
      id: `c${i}`,
      label: `A deliberately long criterion label number ${i} `.padEnd(120, 'x'),
      kind: 'fit' as const,
      points: 1,
      when: { field: 'title', op: 'exists' as const },
    }));
    const definition = definitionSchema.parse({ ...defaultDefinition, criteria, autoAccept: null });
    const decision = decideDefault(fitLead({ activity: [signal('demo_request', 1)] }), null, definition);
    expect(decision.why.length).toBeLessThanOrEqual(1200);
    // The four criteria worth most, then one line for the rest, so the listed points still add up.
    expect(decision.why).toMatch(/\n\+ 96 smaller criteria met \(\+\d+\)\n/);
    expect(decision.why).toMatch(/\nRouted to Maria Lopez: /);
  });
});
