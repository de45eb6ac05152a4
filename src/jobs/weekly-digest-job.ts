import type { Logger } from 'pino';
import { defaultDefinition } from '../core/default-definition';
import type { TenantRef } from '../core/lead';
import { composeWeeklyDigest } from '../core/notify/compose-weekly-digest';
import { digestToSlackMessage } from '../core/notify/digest-to-slack-message';
import { digestToTeamsMessage } from '../core/notify/digest-to-teams-message';
import { nextDigestAt } from '../core/notify/next-digest-at';
import type { Clock } from '../pipeline/clock';
import type { Notifier } from '../notify/notifier';
import type { DigestRecord, Store, TenantRecord } from '../store/store';
import type { JobSpec } from './schedule-job';
import { tenantWeekLeads } from './tenant-week-leads';

const weekMs = 7 * 86_400_000;

export interface DigestDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
}

/**
 * The Monday 09:00 (tenant time) slot a digest is due for at `now`, or null when the last one is
 * current. After downtime only the latest missed week is sent: nobody wants three digests at once.
 */
export function dueDigestSlot(lastPeriodEnd: string | null, installedAt: string, now: Date, timeZone: string): Date | null {
  let slot = nextDigestAt(new Date(lastPeriodEnd ?? installedAt), timeZone);
  if (slot.getTime() > now.getTime()) return null;
  for (let next = nextDigestAt(slot, timeZone); next.getTime() <= now.getTime(); next = nextDigestAt(next, timeZone)) slot = next;
  return slot;
}

/** Composes, stores and posts the tenant's digest for the week ending at `slot`. */
export async function sendTenantDigest(deps: DigestDeps, ref: TenantRef, slot: Date, timeZone: string): Promise<DigestRecord> {
  const from = new Date(slot.getTime() - weekMs).toISOString();
  const to = slot.toISOString();
  const rejections = await deps.store.listFeedback(ref, { since: from, until: to });
  const { conversions, handedOver } = await tenantWeekLeads(deps.store, ref, from, to);
  const digest = composeWeeklyDigest({ rejections, conversions, handedOver, now: slot, timeZone });
  // Stored before posting: a channel being down must not make the next run compose it again.
  const record = await deps.store.saveDigest(ref, digest, new Date(deps.clock.now()).toISOString());
  const notifier = await deps.notifier.forTenant(ref);
  if (notifier.enabled) await notifier.send({ slack: digestToSlackMessage(digest), teams: digestToTeamsMessage(digest) });
  return record;
}

/** Every tenant whose Monday 09:00 has passed since its last digest gets this week's. */
export async function sendDueDigests(deps: DigestDeps): Promise<DigestRecord[]> {
  const sent: DigestRecord[] = [];
  const now = new Date(deps.clock.now());
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    try {
      const record = await sendIfDue(deps, tenant, now);
      if (record !== null) sent.push(record);
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'weekly digest failed; the next hour retries');
    }
  }
  return sent;
}

async function sendIfDue(deps: DigestDeps, tenant: TenantRecord, now: Date): Promise<DigestRecord | null> {
  const ref = { crm: tenant.crm, tenantId: tenant.tenantId };
  const timeZone = (await deps.store.getPublishedDefinition(ref))?.definition.timeZone ?? defaultDefinition.timeZone;
  const last = await deps.store.latestDigest(ref);
  const slot = dueDigestSlot(last?.periodEnd ?? null, tenant.installedAt, now, timeZone);
  if (slot === null) return null;
  const record = await sendTenantDigest(deps, ref, slot, timeZone);
  deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, rejections: record.digest.totals.rejections }, 'weekly digest');
  return record;
}

/** Hourly, since Monday 09:00 falls on a different UTC hour for every tenant's time zone. */
export function weeklyDigestJob(deps: DigestDeps, cronExpression = '7 * * * *'): JobSpec {
  return {
    name: 'weekly-digest',
    cron: cronExpression,
    maxRunMs: 30 * 60 * 1000,
    async run() {
      await sendDueDigests(deps);
    },
  };
}
