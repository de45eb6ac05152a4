import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import type { DefinitionInput } from '../../src/core/definition';
import { definitionSchema } from '../../src/core/definition';
import { defaultDefinition } from '../../src/core/default-definition';
import type { CrmKind, TenantRef } from '../../src/core/lead';
import { loadConfig } from '../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../src/main';
import { e2eSecretKey, eventually } from '../e2e/start-e2e-stack';
import { salesforceControls, type SalesforceControls } from '../e2e/salesforce-controls';
import { ShiftClock } from './shift-clock';

export interface LoopStack {
  sandbox: Sandbox;
  accord: RunningAccord;
  clock: ShiftClock;
  tenant: TenantRef;
  salesforce: SalesforceControls;
  control(method: string, path: string, body: unknown): Promise<unknown>;
  /** Publishes the default definition changed by `change` as the tenant's next version. */
  publish(change: (d: DefinitionInput) => DefinitionInput): Promise<void>;
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Sandbox CRM + Accord (one CRM) on a fresh SQLite file, with a clock the test can move ahead. */
export async function startLoopStack(crm: CrmKind, env: Record<string, string> = {}, seed: { accounts?: boolean } = {}): Promise<LoopStack> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-loop-'));
  const sandbox = await startSandbox({
    clientSecret: sandboxDefaults.clientSecret,
    appId: sandboxDefaults.appId,
    seed: { contacts: 0, ...seed },
    webhookBatchMs: 10,
    retryBaseMs: 20,
    salesforce: { outboundBatchMs: 10, outboundRetryBaseMs: 20 },
  });
  const crmEnv: Record<string, string> =
    crm === 'hubspot'
      ? { HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken, HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret, HUBSPOT_APP_ID: sandboxDefaults.appId, HUBSPOT_BASE_PATH: sandbox.url }
      : {
          ACCORD_SECRET_KEY: e2eSecretKey,
          SALESFORCE_LOGIN_URL: sandbox.url,
          SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
          SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
          SALESFORCE_REFRESH_TOKEN: sandboxDefaults.salesforce.refreshToken,
        };
  const config = loadConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'accord.db')}`, WORKER_POLL_MS: '20', ...crmEnv, ...env });
  const clock = new ShiftClock();
  const accord = await startAccord({ config, logger: pino({ level: 'silent' }), jobs: false, clock });
  if (crm === 'hubspot') sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
  else sandbox.setSalesforceOutboundUrl(accord.salesforceOutboundUrl);
  const tenant = accord.tenants.find((t) => t.crm === crm);
  if (!tenant) throw new Error(`no ${crm} tenant`);

  const control = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  return {
    sandbox,
    accord,
    clock,
    tenant,
    salesforce: salesforceControls(sandbox, control),
    control,
    async publish(change) {
      const definition = definitionSchema.parse(change(structuredClone(defaultDefinition) as DefinitionInput));
      const now = new Date(clock.now()).toISOString();
      const draft = await accord.store.saveDraft(tenant, definition, 'test', now);
      await accord.store.publishDraft(tenant, draft.id, 'test', now);
    },
    async settled() {
      // Both CRMs' deliveries (HubSpot webhooks, Salesforce outbound messages), then Accord's inbox.
      await eventually(async () => {
        await sandbox.webhooks.idle();
        await sandbox.salesforce.outbound.idle();
        const { pending } = await accord.store.inboxStats(new Date(clock.now()).toISOString());
        return pending === 0 && sandbox.webhooks.stats().pending === 0 && sandbox.salesforce.outbound.stats().pending === 0 ? true : undefined;
      }, 10_000, 'inbox, webhooks and outbound messages to drain');
    },
    async stop() {
      await accord.stop();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
