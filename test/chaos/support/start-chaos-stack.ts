import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import pino, { type Logger } from 'pino';
import { startSandbox, type Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sandboxDefaults, type SandboxOptions } from '../../../scripts/sandbox/sandbox-options';
import type { CrmKind } from '../../../src/core/lead';
import { loadConfig } from '../../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../../src/main';

export const chaosSecretKey = 'chaos-secret-key-with-at-least-32-characters';
export const hubspotTenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };

/** Environment connecting Accord to the sandbox as the given CRMs. */
export function sandboxCrmEnv(sandboxUrl: string, crms: readonly CrmKind[] = ['hubspot']): Record<string, string> {
  return {
    ACCORD_SECRET_KEY: chaosSecretKey,
    ...(crms.includes('hubspot')
      ? {
          HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
          HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
          HUBSPOT_APP_ID: sandboxDefaults.appId,
          HUBSPOT_BASE_PATH: sandboxUrl,
        }
      : {}),
    ...(crms.includes('salesforce')
      ? {
          SALESFORCE_LOGIN_URL: sandboxUrl,
          SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
          SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
          SALESFORCE_REFRESH_TOKEN: sandboxDefaults.salesforce.refreshToken,
        }
      : {}),
  };
}

export interface ChaosStack {
  sandbox: Sandbox;
  accord: RunningAccord;
  databaseUrl: string;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  createLead(properties: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

export interface ChaosStackOptions {
  sandbox?: Partial<SandboxOptions>;
  env?: Record<string, string>;
  crms?: readonly CrmKind[];
  logger?: Logger;
  /** Default: a fresh SQLite file. */
  databaseUrl?: string;
  /** Sees the express app once its core routes are mounted (to enumerate them). */
  onApp?: (app: Express) => void;
}

/** The sandbox CRM and an in-process Accord wired to each other over loopback, with a logger of the test's choosing. */
export async function startChaosStack(options: ChaosStackOptions = {}): Promise<ChaosStack> {
  const crms = options.crms ?? ['hubspot'];
  const dir = mkdtempSync(join(tmpdir(), 'accord-chaos-'));
  const databaseUrl = options.databaseUrl ?? `file:${join(dir, 'accord.db')}`;
  const sandbox = await startSandbox({
    clientSecret: sandboxDefaults.clientSecret,
    appId: sandboxDefaults.appId,
    seed: { contacts: 0 },
    webhookBatchMs: 10,
    retryBaseMs: 20,
    ...options.sandbox,
    salesforce: { outboundBatchMs: 10, outboundRetryBaseMs: 20, ...options.sandbox?.salesforce },
  });
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, WORKER_POLL_MS: '20', ...sandboxCrmEnv(sandbox.url, crms), ...options.env });
  const accord = await startAccord({ config, logger: options.logger ?? pino({ level: 'silent' }), jobs: false, extraRoutes: options.onApp });
  if (crms.includes('hubspot')) sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
  if (crms.includes('salesforce')) sandbox.setSalesforceOutboundUrl(accord.salesforceOutboundUrl);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  return {
    sandbox,
    accord,
    databaseUrl,
    control,
    async createLead(properties) {
      return ((await control('POST', '/contacts', { source: 'FORM', properties })) as { id: string }).id;
    },
    async stop() {
      await accord.stop();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
