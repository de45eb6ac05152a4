import type { OutcomeLead, OutcomeRules } from '../core/crm-adapter';
import type { OutcomeRow } from '../core/calibration/outcome-row';
import { sortByTime } from '../core/calibration/split-by-time';
import type { TenantRef } from '../core/lead';
import { callCrm } from '../pipeline/call-crm';
import type { Clock } from '../pipeline/clock';
import type { CrmRuntime } from '../pipeline/tenant-runtime';
import type { Store } from '../store/store';

export interface CrmOutcomeDeps {
  store: Store;
  runtime: CrmRuntime;
  clock: Clock;
}

/** A CRM outcome row, with when its outcome was reached when the CRM says. */
export interface CrmOutcomeRow extends OutcomeRow {
  closedAt: string | null;
}

/** Why outcomes cannot be read from a tenant's CRM: no such tenant, or its CRM cannot list them. */
export class CrmOutcomeSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrmOutcomeSourceError';
  }
}

/**
 * The CRM outcome source, beside the CSV one (`csv-outcome-rows.ts`): every record of the tenant
 * whose outcome the CRM knows, page by page inside the tenant's rate limit, in created-date order.
 */
export async function readCrmOutcomeRows(
  deps: CrmOutcomeDeps,
  tenant: TenantRef,
  rules: OutcomeRules = {},
  onPage?: (rowsSoFar: number) => void | Promise<void>,
): Promise<CrmOutcomeRow[]> {
  const record = await deps.store.getTenant(tenant);
  if (record === null || !record.active) throw new CrmOutcomeSourceError(`${tenant.crm}:${tenant.tenantId} is not an installed tenant`);
  const adapter = deps.runtime.adapterFor(tenant.crm);
  if (!adapter.listOutcomeLeads) throw new CrmOutcomeSourceError(`the ${tenant.crm} adapter cannot list outcomes`);
  const list = adapter.listOutcomeLeads.bind(adapter);
  const limiter = deps.runtime.limiterFor(tenant);
  const rows: CrmOutcomeRow[] = [];
  // Offset paging over ties in created date may show a record twice; it counts once.
  const seen = new Set<string>();
  let after: string | null = null;
  do {
    const cursor: string | null = after;
    // The connection is resolved per page: a long listing outlives a 30-minute access token.
    const page: { outcomes: OutcomeLead[]; after: string | null } = await callCrm(limiter, deps.clock, 'listOutcomeLeads', () => list(deps.runtime.connectionFor(record), cursor, rules));
    for (const o of page.outcomes) {
      if (seen.has(o.lead.recordId)) continue;
      seen.add(o.lead.recordId);
      rows.push({ lead: o.lead, converted: o.outcome === 1, at: o.createdAt, closedAt: o.closedAt ?? null });
    }
    await onPage?.(rows.length);
    after = page.after;
  } while (after !== null);
  return sortByTime(rows);
}
