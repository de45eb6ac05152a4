import { createAccordMetrics } from '../../src/metrics/accord-metrics';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createApp } from '../../src/server/create-app';
import { createDashboardRouter, type DashboardDeps } from '../../src/server/dashboard/create-dashboard-router';
import { SqliteStore } from '../../src/store/sqlite-store';
import { dashboardNow, seedDashboardStore, type SeededDashboard, type SeedDashboardOptions } from './seed-dashboard-store';

export const testSecretKey = 'dashboard-test-key-0123456789abcdefghijklmnop';

export interface DashboardApp {
  url: string;
  store: SqliteStore;
  seeded: SeededDashboard;
  stop(): Promise<void>;
}

/**
 * Accord's express app (createApp, as `accord start` builds it) on loopback port 0 with the
 * dashboard mounted at /dashboard, over a SQLite file seeded with demo-like history.
 */
export async function startDashboardApp(
  overrides: Partial<DashboardDeps> = {},
  seedOptions: SeedDashboardOptions = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<DashboardApp> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-dashboard-'));
  const store = new SqliteStore(join(dir, 'accord.db'));
  await store.migrate();
  const seeded = await seedDashboardStore(store, seedOptions);
  const clock = { now: () => dashboardNow, sleep: async () => undefined };
  const app = createApp({
    store,
    hubspot: null,
    salesforce: null,
    clock,
    logger,
    publicUrl: '',
    metrics: createAccordMetrics({ processMetrics: false }),
    // Mounted below with the test's overrides instead.
    dashboardAccess: null,
    extraRoutes: (a) =>
      a.use(
        '/dashboard',
        createDashboardRouter({ store, clock, logger, access: { mode: 'signed', secretKey: testSecretKey }, cacheMs: 0, ...overrides }),
      ),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    seeded,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
