import pino from 'pino';
import { defaultDefinition } from '../../src/core/default-definition';
import type { FeedbackRecord } from '../../src/core/feedback-record';
import { nextDigestAt } from '../../src/core/notify/next-digest-at';
import { dueDigestSlot, sendDueDigests } from '../../src/jobs/weekly-digest-job';
import { channelTargetsOf } from '../../src/notify/channel-target';
import { createNotifier } from '../../src/notify/notifier';
import { SqliteStore } from '../../src/store/sqlite-store';
import { decision, tenantA, tenantRecord } from '../store/fixtures';
import { ManualClock } from '../support/manual-clock';
import { startChannelReceiver, type ChannelReceiver } from './channel-receiver';

const day = 86_400_000;
const logger = pino({ level: 'silent' });
const timeZone = defaultDefinition.timeZone;
// Installed after the previous Monday's slot, so the first digest is due at `slot`.
const installedAt = '2026-02-23T12:00:00.000Z';
// The first Monday 09:00 after a week of feedback.
const slot = nextDigestAt(new Date('2026-02-24T12:00:00.000Z'), timeZone).getTime();

function rejection(recordId: string, source: string, reason: FeedbackRecord['reason'], daysBefore: number): FeedbackRecord {
  return {
    crm: tenantA.crm,
    tenantId: tenantA.tenantId,
    recordId,
    reason,
    reasonText: reason,
    note: null,
    repOwnerId: '901',
    repName: 'Maria Lopez',
    source,
    campaign: `${source.toLowerCase()}-q1`,
    lead: { recordId, name: `Lead ${recordId}`, company: 'Acme', title: 'VP Sales', source, campaign: null, signals: [] },
    definitionVersion: 1,
    scoreAtRouting: 75,
    routedAt: new Date(slot - (daysBefore + 1) * day).toISOString(),
    rejectedAt: new Date(slot - daysBefore * day).toISOString(),
    classification: { kind: 'source_failure', basis: 'failed_named_check', reason, failedChecks: [], explanation: 'x' },
  };
}

describe('weekly digest job', () => {
  let store: SqliteStore;
  let slack: ChannelReceiver;
  let teams: ChannelReceiver;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    await store.upsertTenant(tenantRecord(tenantA, { installedAt, updatedAt: installedAt }));
    slack = await startChannelReceiver('/services/T1/B1/secret');
    teams = await startChannelReceiver('/teams/hook');
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
    await teams.close();
  });

  it('on Monday 09:00 composes the week from stored feedback, names the worst sources, stores it and posts it to Slack and Teams', async () => {
    await store.recordFeedback(
      tenantA,
      [
        rejection('1', 'PAID_SOCIAL', 'student', 1),
        rejection('2', 'PAID_SOCIAL', 'student', 2),
        rejection('3', 'PAID_SOCIAL', 'student', 3),
        rejection('4', 'ORGANIC_SEARCH', 'no_budget', 4),
        rejection('5', 'REFERRALS', 'poor_timing', 5),
        rejection('6', 'REFERRALS', 'poor_timing', 6),
        // Older than the week: not in this digest.
        rejection('7', 'ORGANIC_SEARCH', 'no_budget', 9),
      ],
      new Date(slot - day).toISOString(),
    );
    await store.commitDecisions(
      tenantA,
      [decision({ recordId: '8', stage: 'sql', acceptedAt: new Date(slot - 2 * day).toISOString(), routedAt: new Date(slot - 3 * day).toISOString(), decidedAt: new Date(slot - 2 * day).toISOString() })].map((d) => ({ decision: d, writtenFields: [] })),
      {},
      [],
    );
    const clock = new ManualClock(slot - 60_000);
    const deps = { store, clock, logger, notifier: createNotifier(channelTargetsOf({ SLACK_WEBHOOK_URL: slack.url, TEAMS_WEBHOOK_URL: teams.url }), logger) };

    // A minute early: nothing due.
    expect(await sendDueDigests(deps)).toEqual([]);
    clock.time = slot + 10 * 60_000;
    const [sent] = await sendDueDigests(deps);
    expect(sent?.periodEnd).toBe(new Date(slot).toISOString());
    expect(sent?.digest.totals).toMatchObject({ rejections: 6, sourceFailures: 6, conversions: 1 });
    expect(sent?.digest.bySource.map((g) => [g.name, g.total])).toEqual([['PAID_SOCIAL', 3], ['REFERRALS', 2], ['ORGANIC_SEARCH', 1]]);
    expect(sent?.digest.topReasons.map((r) => [r.reason, r.count])).toEqual([['student', 3], ['poor_timing', 2], ['no_budget', 1]]);
    expect(await store.latestDigest(tenantA)).toEqual(sent);
    expect(JSON.stringify(slack.received[0])).toContain('PAID_SOCIAL');
    expect(teams.received[0]).toMatchObject({ type: 'message' });
    expect(JSON.stringify(teams.received[0])).toContain('PAID_SOCIAL');

    // The hourly check later the same week sends nothing more.
    clock.time = slot + 3 * day;
    expect(await sendDueDigests(deps)).toEqual([]);
    expect(slack.received).toHaveLength(1);
  });

  it('after downtime sends only the latest missed week', () => {
    const threeWeeksLater = new Date(slot + 3 * 7 * day + 3_600_000);
    const due = dueDigestSlot(new Date(slot).toISOString(), installedAt, threeWeeksLater, timeZone);
    expect(due?.getTime()).toBe(slot + 3 * 7 * day);
    expect(dueDigestSlot(new Date(slot + 3 * 7 * day).toISOString(), installedAt, threeWeeksLater, timeZone)).toBeNull();
  });

  it('a channel that is down does not stop the digest from being stored once', async () => {
    await slack.close();
    const failing = await startChannelReceiver('/services/T1/B1/secret', 500);
    slack = failing;
    const clock = new ManualClock(slot + 60_000);
    const deps = { store, clock, logger, notifier: createNotifier(channelTargetsOf({ SLACK_WEBHOOK_URL: failing.url }), logger) };
    expect(await sendDueDigests(deps)).toHaveLength(1);
    expect(failing.received).toHaveLength(1);
    expect(await sendDueDigests(deps)).toEqual([]);
  });
});
