import type { Logger } from 'pino';
import { detectFunnelAlerts, type FunnelAlert } from '../core/notify/detect-funnel-alerts';
import { header, section } from '../core/notify/slack-message';
import { teamsMessage, text } from '../core/notify/teams-message';
import type { Clock } from '../pipeline/clock';
import type { ChannelMessage, Notifier } from '../notify/notifier';
import type { AuditEntry, Store } from '../store/store';
import { funnelWeeks } from './funnel-weeks';
import type { JobSpec } from './schedule-job';

const weekMs = 7 * 86_400_000;
/** The latest week and the four it is compared with. */
const weeksCompared = 5;
/** A quarter lower conversion (or higher disqualification) than the four weeks before is a shift worth a message. */
export const funnelAlertMargin = 0.25;

export interface FunnelAlertDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
}

/** Checks every tenant's last week against the four before; alerts go to the audit log and the channels. */
export async function checkFunnels(deps: FunnelAlertDeps): Promise<FunnelAlert[]> {
  const endMs = deps.clock.now();
  const nowIso = new Date(endMs).toISOString();
  const all: FunnelAlert[] = [];
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    const ref = { crm: tenant.crm, tenantId: tenant.tenantId };
    const history = await deps.store.listDecisionHistory(ref, { from: new Date(endMs - weeksCompared * weekMs).toISOString(), to: nowIso });
    const alerts = detectFunnelAlerts({ weekly: funnelWeeks(history, endMs, weeksCompared), margin: funnelAlertMargin });
    if (alerts.length === 0) continue;
    all.push(...alerts);
    await deps.store.appendAudit(
      alerts.map<AuditEntry>((a) => ({ tenant: ref, at: nowIso, actor: 'accord', action: 'funnel.alert', recordId: null, detail: { kind: a.kind, current: a.current, baseline: a.baseline, change: a.change } })),
    );
    const notifier = await deps.notifier.forTenant(ref);
    if (notifier.enabled) await notifier.send(funnelAlertMessage(alerts));
  }
  return all;
}

export function funnelAlertMessage(alerts: readonly FunnelAlert[]): ChannelMessage {
  const title = 'Accord: the funnel shifted this week';
  return {
    slack: { text: `${title}: ${alerts.map((a) => a.message).join(' ')}`, blocks: [header(title), ...alerts.map((a) => section(a.message))] },
    teams: teamsMessage([text(title, { size: 'Medium', weight: 'Bolder' }), ...alerts.map((a) => text(a.message))]),
  };
}

/** Monday morning (UTC), after the week has closed for every time zone's Sunday. */
export function funnelAlertJob(deps: FunnelAlertDeps, cronExpression = '41 12 * * 1'): JobSpec {
  return {
    name: 'funnel-alerts',
    cron: cronExpression,
    maxRunMs: 30 * 60 * 1000,
    async run() {
      await checkFunnels(deps);
    },
  };
}
