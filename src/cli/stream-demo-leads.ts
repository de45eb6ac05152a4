import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import type { Decision } from '../core/decision';
import type { TenantRef } from '../core/lead';
import type { RunningAccord } from '../main';
import { chunk } from '../core/chunk';

export interface DemoSummary {
  decisions: Decision[];
  events: number;
  apiCalls: number;
  elapsedMs: number;
}

/** Creates the leads in the sandbox as form fills, in batches of 100, and waits until Accord decided each. */
export async function streamDemoLeads(input: {
  sandbox: Sandbox;
  accord: RunningAccord;
  inputs: Array<{ properties: Record<string, string> }>;
  tenant: TenantRef;
  onProgress: (decided: number, total: number) => void;
  timeoutMs?: number;
}): Promise<DemoSummary> {
  const { sandbox, accord, inputs, tenant } = input;
  const startedAt = Date.now();
  input.sandbox.callLog.reset();
  for (const batch of chunk(inputs, 100)) {
    // POST /_sandbox/contacts/batch: the sandbox's "form submission" door — not Accord's token, so not our own write.
    const response = await fetch(`${sandbox.url}/_sandbox/contacts/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'FORM', inputs: batch }),
    });
    if (!response.ok) throw new Error(`the sandbox refused the demo leads: ${response.status} ${await response.text()}`);
  }
  const deadline = startedAt + (input.timeoutMs ?? 120_000);
  let lastReported = -1;
  for (;;) {
    const decisions = await accord.store.listCurrentDecisions(tenant);
    if (decisions.length !== lastReported) {
      input.onProgress(decisions.length, inputs.length);
      lastReported = decisions.length;
    }
    if (decisions.length >= inputs.length) {
      await sandbox.webhooks.idle();
      // The call log counts HubSpot API routes only, never the /_sandbox controls used above.
      return { decisions, events: sandbox.webhooks.stats().sent, apiCalls: sandbox.callLog.count(), elapsedMs: Date.now() - startedAt };
    }
    if (Date.now() > deadline) throw new Error(`only ${decisions.length} of ${inputs.length} leads were decided in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
