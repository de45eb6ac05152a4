import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/start-sandbox';
import { sandboxDefaults, type SandboxOptions } from '../sandbox/sandbox-options';
import type { AccordProbe } from './accord-child';
import { forkChild, type ForkedChild } from './fork-child';
import type { LoadPlan, LoadResult } from './load-generator-child';

export const benchPortalId = Number(sandboxDefaults.portalId);
export const benchAppId = Number(sandboxDefaults.appId);
/** The sandbox's seeded contacts are numbered from here. */
export const firstSeededId = 1001;

/** The sandbox CRM in this process, seeded with `contacts` (owners always), the real 110 / 10 s limit unless told otherwise. */
export function startBenchSandbox(contacts: number, options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({
    clientSecret: sandboxDefaults.clientSecret,
    appId: sandboxDefaults.appId,
    preinstallAccordProperties: true,
    seed: { contacts, now: Date.UTC(2026, 0, 15), seed: 7 },
    ...options,
  });
}

export interface AccordChild extends ForkedChild {
  url: string;
  probe(): Promise<AccordProbe>;
  /** Waits until the inbox is empty (or the time is up); returns the last probe. */
  drained(timeoutMs: number): Promise<AccordProbe>;
}

/**
 * A durable store on the real disk (not tmpfs: fsync must cost what it costs) — a SQLite file under
 * `data/bench-*`, or the given database URL.
 */
export function benchDatabase(): { url: string; remove(): void } {
  // A fresh checkout has no data/ yet.
  mkdirSync(path.resolve('data'), { recursive: true });
  const dir = mkdtempSync(path.resolve('data', 'bench-'));
  return { url: `file:${path.join(dir, 'accord.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Accord in a child process against the sandbox, like `accord start` with HubSpot credentials. */
export async function startAccordChild(sandbox: Sandbox, databaseUrl: string, env: Record<string, string> = {}): Promise<AccordChild> {
  const child = await forkChild('accord-child', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
    HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
    HUBSPOT_APP_ID: sandboxDefaults.appId,
    HUBSPOT_BASE_PATH: sandbox.url,
    HUBSPOT_PORTAL_ID: sandboxDefaults.portalId,
    ...env,
  });
  const probe = () => child.ask<AccordProbe>({ probe: true }, 'probe');
  return {
    ...child,
    probe,
    async drained(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = await probe();
        if (last.queue.pending === 0 || Date.now() > deadline) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Runs one load plan in a fresh generator process. */
export async function runLoadChild(plan: LoadPlan): Promise<LoadResult> {
  const generator = await forkChild('load-generator-child', {}, false);
  try {
    return await generator.ask<LoadResult>(plan, 'result');
  } finally {
    if (generator.child.exitCode === null) generator.child.kill();
  }
}

export function loadPlan(url: string, overrides: Partial<LoadPlan> & Pick<LoadPlan, 'mode'>): LoadPlan {
  return {
    url: `${url}/webhooks/hubspot`,
    clientSecret: sandboxDefaults.clientSecret,
    spec: { portalId: benchPortalId, appId: benchAppId, firstRecordId: firstSeededId, records: 1000 },
    concurrency: 8,
    eventsPerBatch: 100,
    durationMs: 3000,
    maxBatches: Number.MAX_SAFE_INTEGER,
    firstEventId: Math.floor(Math.random() * 1e9),
    ...overrides,
  };
}
