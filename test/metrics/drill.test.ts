import { drillKey, drillMatches, drillMembers, parseDrill, type Drill } from '../../src/metrics/drill';
import { describeDrill } from '../../src/metrics/describe-drill';
import { days, handedOver, hours, timeline } from './make-timeline';

describe('drill keys', () => {
  const drills: Drill[] = [
    { scope: { kind: 'all' }, metric: 'mql' },
    { scope: { kind: 'tier', tier: 'hot' }, metric: 'breached' },
    { scope: { kind: 'owner', owner: '1000012' }, metric: 'met' },
    { scope: { kind: 'source', source: 'ORGANIC/SEARCH %' }, metric: 'sql' },
    { scope: { kind: 'campaign', source: '(none)', campaign: 'Q3 / Refresh' }, metric: 'won' },
    { scope: { kind: 'cohort', week: '2026-03-02' }, metric: 'sql_30d' },
    { scope: { kind: 'source', source: 'REFERRALS' }, metric: 'rejected:no_budget' },
  ];

  it.each(drills.map((d) => [drillKey(d), d]))('reads back %s', (key, drill) => {
    expect(parseDrill(key)).toEqual(drill);
  });

  it('escapes slashes inside values, so a key always splits the same way', () => {
    expect(drillKey({ scope: { kind: 'campaign', source: 'a/b', campaign: 'c' }, metric: 'sql' })).toBe('campaign/a%2Fb/c/sql');
  });

  it.each(['', 'all', 'all/everything', 'tier/lukewarm/met', 'cohort/last-week/sql', 'owner/sql', 'all/x/mql', 'source/%E0%A4%A/sql'])(
    'refuses "%s"',
    (key) => {
      expect(parseDrill(key)).toBeNull();
    },
  );

  it('describes a drill in words for the leads list', () => {
    const label = describeDrill({ scope: { kind: 'owner', owner: '1000012' }, metric: 'breached' }, () => 'Maria Lopez', (r) => r);
    expect(label).toBe('SLA breached · owner Maria Lopez');
    expect(describeDrill({ scope: { kind: 'source', source: 'OFFLINE' }, metric: 'rejected:no_budget' }, (id) => id, () => 'No budget')).toBe(
      'Rejected as “No budget” · source OFFLINE',
    );
  });
});

describe('drillMatches', () => {
  const now = Date.parse(days(200));

  it('matches the scope and the metric', () => {
    const paid = handedOver('a', { tier: 'hot', touchAfterHours: 3, ownerId: 'o1', source: 'PAID_SEARCH' });
    expect(drillMatches(paid, { scope: { kind: 'tier', tier: 'hot' }, metric: 'breached' }, now)).toBe(true);
    expect(drillMatches(paid, { scope: { kind: 'tier', tier: 'standard' }, metric: 'breached' }, now)).toBe(false);
    expect(drillMatches(paid, { scope: { kind: 'owner', owner: 'o1' }, metric: 'touched' }, now)).toBe(true);
    expect(drillMatches(paid, { scope: { kind: 'source', source: 'OFFLINE' }, metric: 'created' }, now)).toBe(false);
  });

  it('selects leads without a source or campaign by "(none)"', () => {
    const bare = timeline({ source: null, campaign: null });
    expect(drillMatches(bare, { scope: { kind: 'campaign', source: '(none)', campaign: '(none)' }, metric: 'created' }, now)).toBe(true);
  });

  it('counts SQL within N days of creation, the window included', () => {
    const lead = timeline({ createdAt: hours(0), reachedAt: { mql: hours(1), sales_ready: hours(1), sql: days(7) } });
    expect(drillMatches(lead, { scope: { kind: 'cohort', week: '2026-03-02' }, metric: 'sql_7d' }, now)).toBe(true);
    const later = { ...lead, reachedAt: { ...lead.reachedAt, sql: hours(7 * 24 + 1) } };
    expect(drillMatches(later, { scope: { kind: 'all' }, metric: 'sql_7d' }, now)).toBe(false);
    expect(drillMatches(later, { scope: { kind: 'all' }, metric: 'sql_30d' }, now)).toBe(true);
  });

  it('lists members newest first', () => {
    const members = drillMembers(
      [timeline({ recordId: 'old', createdAt: days(1) }), timeline({ recordId: 'new', createdAt: days(3) }), timeline({ recordId: 'mid', createdAt: days(2) })],
      { scope: { kind: 'all' }, metric: 'created' },
      now,
    );
    expect(members.map((t) => t.recordId)).toEqual(['new', 'mid', 'old']);
  });
});
