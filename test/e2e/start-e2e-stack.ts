import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import pino from 'pino';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults, type SandboxOptions } from '../../scripts/sandbox/sandbox-options';
import type { CrmKind } from '../../src/core/lead';
import { loadConfig } from '../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../src/main';
import { salesforceControls, type SalesforceControls } from './salesforce-controls';

/** ACCORD_SECRET_KEY of every e2e stack: the outbound-message token of the sandbox org derives from it. */
export const e2eSecretKey = 'e2e-secret-key-with-at-least-32-characters';

export interface E2eStack {
  sandbox: Sandbox;
  accord: RunningAccord;
  /** The real SDK, pointed at the sandbox with Accord's own token. */
  hubspot: Client;
  databaseFile: string;
  /** Creates a contact the way a form fill does (not Accord's token, so not an echo). */
  createLead(properties: Record<string, string>): Promise<string>;
  /** Edits a contact as a rep in the CRM UI. */
  editAsRep(id: string, properties: Record<string, string>): Promise<void>;
  readContact(id: string): Promise<Record<string, string | null>>;
  /** The sandbox org's leads, for stacks started with Salesforce. */
  salesforce: SalesforceControls;
  stop(): Promise<void>;
}

/** Environment connecting Accord to the sandbox as each CRM: HubSpot by base path, Salesforce by login/instance URL. */
function crmEnv(crms: readonly CrmKind[], sandbox: Sandbox): Record<string, string> {
  return {
    ...(crms.includes('hubspot')
      ? {
          HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
          HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
          HUBSPOT_APP_ID: sandboxDefaults.appId,
          HUBSPOT_BASE_PATH: sandbox.url,
        }
      : {}),
    ...(crms.includes('salesforce')
      ? {
          ACCORD_SECRET_KEY: e2eSecretKey,
          SALESFORCE_LOGIN_URL: sandbox.url,
          SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
          SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
          SALESFORCE_REFRESH_TOKEN: sandboxDefaults.salesforce.refreshToken,
        }
      : {}),
  };
}

/**
 * The sandbox CRM and Accord on a fresh SQLite file, wired to each other over loopback for the given
 * CRMs (webhooks and outbound messages point at Accord).
 */
export async function startE2eStack(
  sandboxOptions: Partial<SandboxOptions> = {},
  env: Record<string, string> = {},
  crms: readonly CrmKind[] = ['hubspot'],
): Promise<E2eStack> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const databaseFile = join(dir, 'accord.db');
  const sandbox = await startSandbox({
    clientSecret: sandboxDefaults.clientSecret,
    appId: sandboxDefaults.appId,
    seed: { contacts: 0 },
    webhookBatchMs: 10,
    retryBaseMs: 20,
    ...sandboxOptions,
    salesforce: { outboundBatchMs: 10, outboundRetryBaseMs: 20, ...sandboxOptions.salesforce },
  });
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `file:${databaseFile}`,
    WORKER_POLL_MS: '20',
    ...crmEnv(crms, sandbox),
    ...env,
  });
  const accord = await startAccord({ config, logger: pino({ level: 'silent' }), jobs: false });
  if (crms.includes('hubspot')) sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
  if (crms.includes('salesforce')) sandbox.setSalesforceOutboundUrl(accord.salesforceOutboundUrl);
  const hubspot = new Client({ accessToken: sandboxDefaults.accessToken, basePath: sandbox.url });

  const control = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  return {
    sandbox,
    accord,
    hubspot,
    databaseFile,
    async createLead(properties) {
      const created = (await control('POST', '/contacts', { source: 'FORM', properties })) as { id: string };
      return created.id;
    },
    async editAsRep(id, properties) {
      await control('PATCH', `/contacts/${id}`, { userId: 7000001, properties });
    },
    async readContact(id) {
      // GET /crm/v3/objects/contacts/{id}
      const contact = await hubspot.crm.contacts.basicApi.getById(id, [
        'accord_score', 'accord_stage', 'accord_why', 'accord_definition_version', 'accord_sla_due_at', 'hubspot_owner_id', 'jobtitle',
      ]);
      return contact.properties;
    },
    salesforce: salesforceControls(sandbox, control),
    async stop() {
      await accord.stop();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
