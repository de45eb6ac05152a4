import pino from 'pino';
import type { Decision } from '../../src/core/decision';
import { checkFunnels } from '../../src/jobs/funnel-alert-job';
import { channelTargetsOf } from '../../src/notify/channel-target';
import { createNotifier } from '../../src/notify/notifier';
import { SqliteStore } from '../../src/store/sqlite-store';
import { decision, tenantA, tenantB, tenantRecord } from '../store/fixtures';
import { ManualClock } from '../support/manual-clock';
import { startChannelReceiver, type ChannelReceiver } from './channel-receiver';

const day = 86_400_000;
const week = 7 * day;
const logger = pino({ level: 'silent' });
// The check runs at this instant; the latest week is the seven days before it.
const checkAt = Date.parse('2026-03-09T12:41:00.000Z');

/** `mql` leads first scored in week `weekIndex` (0 = the oldest of five), `accepted` of them accepted by sales two days later. */
async function seedWeek(store: SqliteStore, ref: typeof tenantA, weekIndex: number, mql: number, accepted: number): Promise<void> {
  const weekStart = checkAt - (5 - weekIndex) * week;
  const commits: Decision[] = [];
  const acceptances: Decision[] = [];
  for (let i = 0; i < mql; i += 1) {
    const recordId = `${ref.crm}-${weekIndex}-${i}`;
    const scoredAt = new Date(weekStart + day + i * 60_000).toISOString();
    commits.push(decision({ crm: ref.crm, tenantId: ref.tenantId, recordId, stage: 'mql', decidedAt: scoredAt }));
    if (i < accepted) {
      const acceptedAt = new Date(weekStart + 3 * day + i * 60_000).toISOString();
      acceptances.push(decision({ crm: ref.crm, tenantId: ref.tenantId, recordId, stage: 'sql', decidedAt: acceptedAt, acceptedAt }));
    }
  }
  await store.commitDecisions(ref, commits.map((d) => ({ decision: d, writtenFields: [] })), {}, []);
  if (acceptances.length > 0) await store.commitDecisions(ref, acceptances.map((d) => ({ decision: d, writtenFields: [] })), {}, []);
}

describe('funnel alert job', () => {
  let store: SqliteStore;
  let slack: ChannelReceiver;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    slack = await startChannelReceiver('/services/T1/B1/secret');
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
  });

  const depsAt = (time: number) => ({ store, clock: new ManualClock(time), logger, notifier: createNotifier(channelTargetsOf({ SLACK_WEBHOOK_URL: slack.url }), logger) });

  it('alerts when last week\'s MQL→SQL conversion fell a quarter below the four weeks before: audit entry and Slack post', async () => {
    await store.upsertTenant(tenantRecord(tenantA));
    for (let w = 0; w < 4; w += 1) await seedWeek(store, tenantA, w, 20, 10);
    await seedWeek(store, tenantA, 4, 20, 2);

    const alerts = await checkFunnels(depsAt(checkAt));

    expect(alerts.map((a) => a.kind)).toEqual(['conversion_drop']);
    expect(alerts[0]?.current).toBeCloseTo(0.1, 5);
    expect(alerts[0]?.baseline).toBeCloseTo(0.5, 5);
    expect(alerts[0]?.change).toBeCloseTo(-0.8, 5);
    const audit = (await store.listAudit(tenantA, 10)).filter((e) => e.action === 'funnel.alert');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ kind: 'conversion_drop' });
    expect(slack.received).toHaveLength(1);
    expect(JSON.stringify(slack.received[0])).toContain('MQL→SQL conversion fell to 10');
  });

  it('stays quiet for a steady funnel, and for a tenant that uninstalled', async () => {
    await store.upsertTenant(tenantRecord(tenantA));
    await store.upsertTenant(tenantRecord(tenantB, { active: false }));
    for (let w = 0; w < 5; w += 1) await seedWeek(store, tenantA, w, 20, 9 + (w % 2));
    for (let w = 0; w < 4; w += 1) await seedWeek(store, tenantB, w, 20, 10);
    await seedWeek(store, tenantB, 4, 20, 0);

    expect(await checkFunnels(depsAt(checkAt))).toEqual([]);
    expect((await store.listAudit(tenantA, 10)).filter((e) => e.action === 'funnel.alert')).toEqual([]);
    expect((await store.listAudit(tenantB, 10)).filter((e) => e.action === 'funnel.alert')).toEqual([]);
    expect(slack.received).toEqual([]);
  });

  it('judges the latest seven days: a week later a normal week does not alert, with the bad week now in its baseline', async () => {
    await store.upsertTenant(tenantRecord(tenantA));
    for (let w = 0; w < 4; w += 1) await seedWeek(store, tenantA, w, 20, 10);
    await seedWeek(store, tenantA, 4, 20, 2);
    // Week index 5 is the week after the check above.
    await seedWeek(store, tenantA, 5, 20, 10);
    expect(await checkFunnels(depsAt(checkAt + week))).toEqual([]);
    expect(slack.received).toEqual([]);
  });
});
