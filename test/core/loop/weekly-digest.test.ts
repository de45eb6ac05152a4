import type { RejectionClassification } from '../../../src/core/classify-rejection';
import type { FeedbackRecord } from '../../../src/core/feedback-record';
import type { LeadSummary } from '../../../src/core/lead-summary';
import { composeWeeklyDigest } from '../../../src/core/notify/compose-weekly-digest';
import { digestToSlackMessage } from '../../../src/core/notify/digest-to-slack-message';
import { digestToTeamsMessage } from '../../../src/core/notify/digest-to-teams-message';
import { nextDigestAt } from '../../../src/core/notify/next-digest-at';
import { titleGroup } from '../../../src/core/notify/title-group';
import type { RejectionReason } from '../../../src/core/rejection-reasons';
import { slackProblems, teamsProblems } from './message-shapes';

const now = new Date('2026-03-09T14:00:00.000Z'); // Monday 9 March, 09:00 in New York
const zone = 'America/New_York';

let seq = 0;
function lead(source: string, campaign: string | null, title: string, signals: string[]): LeadSummary {
  seq += 1;
  return { recordId: `L${seq}`, name: `Person ${seq}`, company: `Company ${seq}`, title, source, campaign, signals };
}

function rejection(hoursAgo: number, reason: RejectionReason, kind: RejectionClassification['kind'], summary: LeadSummary, note: string | null = null): FeedbackRecord {
  return {
    crm: 'hubspot',
    tenantId: 't1',
    recordId: summary.recordId,
    reason,
    reasonText: reason,
    note,
    repOwnerId: 'o1',
    repName: 'Maria Lopez',
    source: summary.source,
    campaign: summary.campaign,
    lead: summary,
    definitionVersion: 3,
    scoreAtRouting: 74,
    routedAt: new Date(now.getTime() - (hoursAgo + 20) * 3_600_000).toISOString(),
    rejectedAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(),
    classification: { kind, basis: kind === 'source_failure' ? 'failed_named_check' : 'met_definition', reason, failedChecks: [], explanation: '' },
  };
}

// A week of feedback: paid social brings students and competitors, events bring budget-less visitors.
const rejections: FeedbackRecord[] = [
  rejection(2, 'student', 'source_failure', lead('PAID_SOCIAL', 'spring-promo', 'Student', [])),
  rejection(5, 'student', 'source_failure', lead('PAID_SOCIAL', 'spring-promo', 'Marketing Intern', ['Content download'])),
  rejection(9, 'competitor', 'source_failure', lead('PAID_SOCIAL', 'spring-promo', 'Product Manager', ['Pricing page view'])),
  rejection(20, 'no_budget', 'definition_miss', lead('EVENT', 'saastr-2026', 'VP Sales', ['Demo request']), 'Budget frozen until Q3 <urgent> & more'),
  rejection(30, 'no_budget', 'definition_miss', lead('EVENT', 'saastr-2026', 'Director of IT', ['Demo request'])),
  rejection(44, 'poor_timing', 'definition_miss', lead('ORGANIC_SEARCH', null, 'Head of Operations', ['Pricing page view'])),
  rejection(50, 'not_decision_maker', 'source_failure', lead('PAID_SOCIAL', 'retargeting', 'Sales Associate', ['Webinar'])),
  rejection(60, 'bad_contact_data', 'source_failure', lead('PAID_SOCIAL', 'retargeting', 'Owner', [])),
  rejection(80, 'duplicate', 'definition_miss', lead('REFERRAL', null, 'CTO', ['Demo request'])),
  rejection(100, 'student', 'source_failure', lead('PAID_SOCIAL', 'spring-promo', 'PhD student', [])),
  rejection(120, 'no_budget', 'definition_miss', lead('EVENT', 'saastr-2026', 'Chief Revenue Officer', ['Demo request'])),
  rejection(150, 'other', 'definition_miss', lead('ORGANIC_SEARCH', null, 'Manager', [])),
  // Older than a week: not in this digest.
  rejection(200, 'competitor', 'source_failure', lead('PAID_SOCIAL', 'spring-promo', 'CEO', [])),
];

const conversions: LeadSummary[] = [
  lead('EVENT', 'saastr-2026', 'VP Sales', ['Demo request', 'Pricing page view']),
  lead('REFERRAL', null, 'VP Marketing', ['Demo request']),
  lead('EVENT', 'saastr-2026', 'Vice President, Revenue', ['Demo request', 'Webinar']),
  lead('ORGANIC_SEARCH', null, 'CFO', ['Pricing page view']),
  lead('REFERRAL', null, 'VP Operations', ['Demo request', 'Pricing page view']),
  lead('EVENT', 'partner-day', 'Director of Sales', ['Demo request']),
];

describe('composeWeeklyDigest', () => {
  const digest = composeWeeklyDigest({ rejections, conversions, now, timeZone: zone });

  test('covers the week before the digest, in the tenant time zone', () => {
    expect(digest).toMatchObject({
      periodStart: '2026-03-02T14:00:00.000Z',
      periodEnd: '2026-03-09T14:00:00.000Z',
      periodLabel: '2 Mar – 9 Mar 2026',
      totals: { rejections: 12, sourceFailures: 6, definitionMisses: 6, conversions: 6 },
    });
  });

  test('lists the last ten rejected leads, newest first, with reason, note, origin and rep', () => {
    expect(digest.recentRejections).toHaveLength(10);
    expect(digest.recentRejections[0]).toEqual({
      recordId: 'L1',
      who: 'Person 1 (Student, Company 1)',
      reasonLabel: 'Student',
      note: null,
      source: 'PAID_SOCIAL',
      campaign: 'spring-promo',
      repName: 'Maria Lopez',
      rejectedOn: '9 Mar 2026',
      kind: 'source_failure',
    });
    expect(digest.recentRejections.map((r) => r.recordId)).not.toContain('L11');
    expect(digest.recentRejections[3]).toMatchObject({ reasonLabel: 'No budget', note: 'Budget frozen until Q3 <urgent> & more', rejectedOn: '8 Mar 2026' });
  });

  test('ranks rejection reasons overall, by source and by campaign', () => {
    expect(digest.topReasons.slice(0, 2)).toEqual([
      { reason: 'no_budget', label: 'No budget', count: 3 },
      { reason: 'student', label: 'Student', count: 3 },
    ]);
    expect(digest.bySource[0]).toEqual({
      name: 'PAID_SOCIAL',
      total: 6,
      sourceFailures: 6,
      reasons: [
        { reason: 'student', label: 'Student', count: 3 },
        { reason: 'bad_contact_data', label: 'Bad contact data', count: 1 },
        { reason: 'competitor', label: 'Competitor', count: 1 },
        { reason: 'not_decision_maker', label: 'Not a decision maker', count: 1 },
      ],
    });
    expect(digest.byCampaign.map((g) => [g.name, g.total])).toEqual([
      ['spring-promo', 4],
      ['(none)', 3],
      ['saastr-2026', 3],
      ['retargeting', 2],
    ]);
  });

  test('says what converted leads had in common, against the base rate', () => {
    // 4 of 6 converted leads were VPs; of the 18 leads in play this week 5 were VPs (one rejected).
    expect(digest.converted.titles[0]).toMatchObject({ value: 'VP', count: 4 });
    expect(digest.converted.titles[0]!.lift).toBeCloseTo(4 / 6 / (5 / 18), 5);
    expect(digest.converted.signals.map((c) => c.value)).toContain('Demo request');
    expect(digest.converted.sources.map((c) => c.value)).toEqual(['REFERRAL', 'EVENT']);
  });

  test('a quiet week gives an empty digest, not an error', () => {
    const quiet = composeWeeklyDigest({ rejections: [], conversions: [], now, timeZone: zone });
    expect(quiet.totals).toEqual({ rejections: 0, sourceFailures: 0, definitionMisses: 0, conversions: 0 });
    expect(slackProblems(digestToSlackMessage(quiet))).toEqual([]);
    expect(teamsProblems(digestToTeamsMessage(quiet))).toEqual([]);
  });
});

describe('digest messages', () => {
  const digest = composeWeeklyDigest({ rejections, conversions, now, timeZone: zone });

  test('Slack: a valid Block Kit message that escapes CRM text', () => {
    const message = digestToSlackMessage(digest);
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Accord weekly lead digest: 2 Mar – 9 Mar 2026', emoji: true } });
    expect(message.text).toContain('12 rejected by sales (6 against the source, 6 definition misses) · 6 converted');
    const all = JSON.stringify(message);
    expect(all).toContain('Budget frozen until Q3 &lt;urgent&gt; &amp; more');
    expect(all).not.toContain('<urgent>');
    expect(all).toContain('*PAID_SOCIAL* (6)\\nStudent 3, Bad contact data 1, Competitor 1, Not a decision maker 1 · 6 of 6 against the source');
  });

  test('Teams: a message with one Adaptive Card 1.4', () => {
    const message = digestToTeamsMessage(digest);
    expect(teamsProblems(message)).toEqual([]);
    expect(message.attachments[0].content.body[0]).toMatchObject({ type: 'TextBlock', text: 'Accord weekly lead digest: 2 Mar – 9 Mar 2026' });
    const factSets = message.attachments[0].content.body.filter((e) => e.type === 'FactSet');
    expect(factSets).toHaveLength(4);
    expect(JSON.stringify(message)).toContain('Person 4 (VP Sales, Company 4)');
  });

  test('the validators catch what Slack and Teams would refuse', () => {
    expect(slackProblems({ text: '', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] })).toHaveLength(2);
    const message = digestToTeamsMessage(digest);
    expect(teamsProblems({ ...message, type: 'card' as 'message' })).toEqual(['type must be "message"']);
  });
});

describe('nextDigestAt', () => {
  test('the next Monday 09:00 on the tenant clock', () => {
    // Wednesday 4 March → Monday 9 March 09:00 EDT (the clocks changed on the 8th).
    expect(nextDigestAt(new Date('2026-03-04T12:00:00.000Z'), zone).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Monday before nine → the same morning; at nine or after → a week on.
    expect(nextDigestAt(new Date('2026-03-02T13:59:00.000Z'), zone).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(nextDigestAt(new Date('2026-03-02T14:00:00.000Z'), zone).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Sunday 20:00 UTC is already Monday 07:00 in Sydney: the digest goes out there two hours later.
    expect(nextDigestAt(new Date('2026-03-08T20:00:00.000Z'), 'Australia/Sydney').toISOString()).toBe('2026-03-08T22:00:00.000Z');
  });
});

describe('titleGroup', () => {
  test.each([
    ['VP Sales', 'VP'],
    ['Vice President, Marketing', 'VP'],
    ['Chief Revenue Officer', 'C-level'],
    ['Co-founder & CEO', 'C-level'],
    ['Owner', 'Founder / owner'],
    ['Director of IT', 'Director'],
    ['Head of Operations', 'Head of'],
    ['Sales Manager', 'Manager'],
    ['Software Engineer', 'Other'],
    [null, 'Unknown'],
  ])('%j → %s', (title, group) => {
    expect(titleGroup(title)).toBe(group);
  });
});
