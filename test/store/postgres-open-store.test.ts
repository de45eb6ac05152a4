import net from 'node:net';
import { Client } from 'pg';
import { openStore } from '../../src/store/open-store';
import { at, crmEvent, tenantA, tenantRecord } from './fixtures';
import { describePostgres } from './postgres-describe';

describePostgres('openStore with a Postgres URL', (postgres) => {
  it('opens a migrated Postgres store that a second instance on the same URL shares', async () => {
    const url = await postgres.newSchemaUrl();
    const first = await openStore(url);
    const second = await openStore(url.replace(/^postgres:/, 'postgresql:'));
    try {
      expect([first.kind, second.kind]).toEqual(['postgres', 'postgres']);
      await first.upsertTenant(tenantRecord(tenantA));
      await first.enqueueEvents([crmEvent()], at(0));
      expect(await second.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
      expect(await second.claimEvents('instance-b', 10, at(1), at(6))).toHaveLength(1);
      expect(await first.claimEvents('instance-a', 10, at(1), at(6))).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('opens at most pool_max connections per instance', async () => {
    const url = await postgres.newSchemaUrl();
    const store = await openStore(`${url}&pool_max=2&application_name=accord-pool-test`);
    const observer = new Client({ connectionString: url });
    await observer.connect();
    try {
      await Promise.all(Array.from({ length: 8 }, (_, index) => store.tryAcquireLease(`job-${index}`, 'instance-a', at(0), at(5))));

      // Idle connections stay pooled for a while, so the count shows how many the burst opened.
      const { rows } = await observer.query<{ connections: number }>(
        "SELECT COUNT(*)::int AS connections FROM pg_stat_activity WHERE application_name = 'accord-pool-test'",
      );
      expect(rows[0]?.connections).toBe(2);
    } finally {
      await observer.end();
      await store.close();
    }
  });

  it('refuses a pool_max that is not a whole number', async () => {
    await expect(openStore(`${postgres.databaseUrl()}?pool_max=lots`)).rejects.toThrow(/pool_max .* got "lots"/);
  });
});

describe('openStore with an unreachable Postgres', () => {
  it('names the database it could not open, without the password', async () => {
    const port = await closedPort();
    await expect(openStore(`postgres://accord:s3cret@127.0.0.1:${port}/accord`)).rejects.toThrow(
      new RegExp(`^could not open the Postgres database postgres://accord:\\*\\*\\*@127\\.0\\.0\\.1:${port}/accord: .*ECONNREFUSED`),
    );
  });
});

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
