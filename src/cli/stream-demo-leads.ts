import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import type { Decision } from '../core/decision';
import type { CrmKind, TenantRef } from '../core/lead';
import type { RunningAccord } from '../main';
import { chunk } from '../core/chunk';

export interface DemoSummary {
  decisions: Decision[];
  /** Notifications the CRM delivered to Accord (webhook events, outbound-message notifications). */
  events: number;
  /** Calls Accord made to that CRM's API. */
  apiCalls: number;
  elapsedMs: number;
}

/** The sandbox's doors for new leads that are not Accord's writes (so never taken for echoes), per CRM. */
const doors: Record<CrmKind, { path: string; body: (batch: Array<Record<string, unknown>>) => unknown }> = {
  // POST /_sandbox/contacts/batch: HubSpot form submissions.
  hubspot: { path: '/_sandbox/contacts/batch', body: (batch) => ({ source: 'FORM', inputs: batch }) },
  // POST /_sandbox/salesforce/leads/batch: web-to-lead.
  salesforce: { path: '/_sandbox/salesforce/leads/batch', body: (batch) => ({ records: batch.map((fields) => ({ fields })) }) },
};

/** Salesforce's REST API lives under /services/; everything else the sandbox logs is HubSpot's. */
function apiCallsTo(sandbox: Sandbox, crm: CrmKind): number {
  return Object.entries(sandbox.callLog.snapshot().endpoints)
    .filter(([endpoint]) => endpoint.includes(' /services/') === (crm === 'salesforce'))
    .reduce((sum, [, calls]) => sum + calls.count, 0);
}

function deliveries(sandbox: Sandbox, crm: CrmKind) {
  return crm === 'hubspot'
    ? { sent: () => sandbox.webhooks.stats().sent, idle: () => sandbox.webhooks.idle() }
    : { sent: () => sandbox.salesforce.outbound.stats().sent, idle: () => sandbox.salesforce.outbound.idle() };
}

/** Creates the leads in the sandbox CRM, 100 per request, and waits until Accord decided each. */
export async function streamDemoLeads(input: {
  sandbox: Sandbox;
  accord: RunningAccord;
  /** HubSpot: `{ properties }` create inputs; Salesforce: Lead field values. */
  records: Array<Record<string, unknown>>;
  tenant: TenantRef;
  onProgress: (decided: number, total: number) => void;
  timeoutMs?: number;
}): Promise<DemoSummary> {
  const { sandbox, accord, records, tenant } = input;
  const door = doors[tenant.crm];
  const delivered = deliveries(sandbox, tenant.crm);
  const startedAt = Date.now();
  const sentBefore = delivered.sent();
  sandbox.callLog.reset();
  for (const batch of chunk(records, 100)) {
    const response = await fetch(`${sandbox.url}${door.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(door.body(batch)),
    });
    if (!response.ok) throw new Error(`the sandbox refused the demo leads: ${response.status} ${await response.text()}`);
  }
  const deadline = startedAt + (input.timeoutMs ?? 120_000);
  let lastReported = -1;
  for (;;) {
    const decisions = await accord.store.listCurrentDecisions(tenant);
    if (decisions.length !== lastReported) {
      input.onProgress(decisions.length, records.length);
      lastReported = decisions.length;
    }
    if (decisions.length >= records.length) {
      await delivered.idle();
      // The call log counts API routes only, never the /_sandbox doors used above.
      return { decisions, events: delivered.sent() - sentBefore, apiCalls: apiCallsTo(sandbox, tenant.crm), elapsedMs: Date.now() - startedAt };
    }
    if (Date.now() > deadline) throw new Error(`only ${decisions.length} of ${records.length} leads were decided in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
