import type { Logger } from 'pino';
import { chunk } from '../core/chunk';
import type { CrmEvent } from '../core/crm-event';
import { defaultDefinition } from '../core/default-definition';
import type { TenantRef } from '../core/lead';
import { wouldChangeStage } from '../core/would-change-stage';
import { callCrm } from '../pipeline/call-crm';
import type { Clock } from '../pipeline/clock';
import type { CrmRuntime } from '../pipeline/tenant-runtime';
import type { Store, TenantRecord } from '../store/store';
import type { JobSpec } from './schedule-job';

export interface DecayDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
  logger: Logger;
}

// Stages intent decay can move a lead out of; disqualified and accepted leads stay where they are.
const decayingStages = new Set(['nurture', 'mql', 'sales_ready']);

/**
 * Re-scores one tenant's open leads as their intent ages: each is read and staged at `now`, and only
 * those whose stage would change are queued to the worker as `changed` events — so they are decided,
 * written and audited like any other change, and the rest cost no write at all. Returns how many.
 */
export async function rescoreDecayedLeads(deps: DecayDeps, tenant: TenantRecord): Promise<number> {
  const ref: TenantRef = { crm: tenant.crm, tenantId: tenant.tenantId };
  const now = new Date(deps.clock.now());
  const definition = (await deps.store.getPublishedDefinition(ref))?.definition ?? defaultDefinition;
  const open = (await deps.store.listCurrentDecisions(ref)).filter((d) => decayingStages.has(d.stage));
  if (open.length === 0) return 0;
  const byId = new Map(open.map((d) => [d.recordId, d]));
  const adapter = deps.runtime.adapterFor(tenant.crm);
  const connection = deps.runtime.connectionFor(tenant);
  const limiter = deps.runtime.limiterFor(ref);
  const day = now.toISOString().slice(0, 10);
  const events: CrmEvent[] = [];
  for (const ids of chunk([...byId.keys()], adapter.batchLimits.read)) {
    const leads = await callCrm(limiter, deps.clock, 'readLeads', () => adapter.readLeads(connection, ids));
    for (const lead of leads) {
      const previous = byId.get(lead.recordId);
      if (previous === undefined || !wouldChangeStage(previous, lead, definition, now)) continue;
      events.push({
        crm: ref.crm,
        tenantId: ref.tenantId,
        recordId: lead.recordId,
        kind: 'changed',
        changedFields: [],
        occurredAt: now.toISOString(),
        // Once a day per record: a second instance or a rerun the same day adds nothing.
        dedupeKey: `${ref.crm}:${ref.tenantId}:decay:${lead.recordId}:${day}`,
        ownWrite: false,
      });
    }
  }
  if (events.length > 0) await deps.store.enqueueEvents(events, now.toISOString());
  return events.length;
}

export async function rescoreAllDecayed(deps: DecayDeps): Promise<number> {
  let queued = 0;
  for (const tenant of await deps.store.listTenants()) {
    if (!tenant.active) continue;
    try {
      const count = await rescoreDecayedLeads(deps, tenant);
      queued += count;
      deps.logger.info({ crm: tenant.crm, tenant: tenant.tenantId, queued: count }, 'decay re-score');
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: error instanceof Error ? error.message : String(error) }, 'decay re-score failed; tomorrow retries');
    }
  }
  return queued;
}

/** Daily, early morning: leads whose intent has decayed past a threshold change stage on the record. */
export function decayRescoreJob(deps: DecayDeps, cronExpression = '23 4 * * *'): JobSpec {
  return {
    name: 'decay-rescore',
    cron: cronExpression,
    maxRunMs: 60 * 60 * 1000,
    async run() {
      await rescoreAllDecayed(deps);
    },
  };
}
