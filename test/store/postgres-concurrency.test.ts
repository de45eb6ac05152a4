import { Client } from 'pg';
import { chunk } from '../../src/core/chunk';
import { PostgresStore } from '../../src/store/postgres-store';
import { postgresStatements } from '../../src/store/postgres-statements';
import { at, crmEvent, crmEvents, owner, sampleDefinition, tenantA } from './fixtures';
import { describePostgres } from './postgres-describe';

/** Several Accord instances on one database: each PostgresStore is its own pool, as each instance has. */
describePostgres('Postgres with several instances', (postgres) => {
  const open: PostgresStore[] = [];
  const rawClients: Client[] = [];
  async function instances(count: number, url: string): Promise<PostgresStore[]> {
    const stores = Array.from({ length: count }, () => new PostgresStore(url));
    open.push(...stores);
    await stores[0]?.migrate();
    return stores;
  }
  async function raw(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    rawClients.push(client);
    await client.connect();
    return client;
  }
  afterEach(async () => {
    for (const client of rawClients.splice(0)) await client.end();
    for (const store of open.splice(0)) await store.close();
  });

  /** Resolves once `count` sessions of this database wait for a lock, so a test can order two transactions. */
  async function waitersOnLocks(observer: Client, count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await observer.query<{ waiting: number }>(
        "SELECT COUNT(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if ((rows[0]?.waiting ?? 0) >= count) return;
      if (Date.now() > deadline) throw new Error(`no session started waiting for a lock within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('never gives one row to two instances, and together they claim a whole burst of 2,000 events', async () => {
    const url = await postgres.newSchemaUrl();
    const [a, b] = (await instances(2, `${url}&pool_max=4`)) as [PostgresStore, PostgresStore];
    const events = crmEvents(2000, tenantA, 'burst');

    let arriving = true;
    const arrival = (async () => {
      for (const [index, batch] of chunk(events, 100).entries()) await (index % 2 === 0 ? a : b).enqueueEvents(batch, at(0));
      arriving = false;
    })();
    const claims = new Map<number, string[]>();
    const worker = async (store: PostgresStore, workerId: string) => {
      for (;;) {
        const rows = await store.claimEvents(workerId, 25, at(1), at(6));
        for (const row of rows) claims.set(row.id, [...(claims.get(row.id) ?? []), workerId]);
        if (rows.length > 0) await store.ackEvents(rows.map((row) => row.id));
        // Once the burst is in, an empty claim means every due row is taken (SKIP LOCKED passes
        // over rows only while another claim is taking them).
        else if (!arriving) return;
        else await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    await Promise.all([
      arrival,
      ...['a1', 'a2', 'a3'].map((id) => worker(a, `instance-a/${id}`)),
      ...['b1', 'b2', 'b3'].map((id) => worker(b, `instance-b/${id}`)),
    ]);

    const twice = [...claims].filter(([, workers]) => workers.length > 1);
    expect(twice).toEqual([]);
    expect(claims.size).toBe(2000);
    const byInstance = [...claims.values()].map(([workerId]) => workerId!.split('/')[0]);
    expect(byInstance.filter((instance) => instance === 'instance-a').length).toBeGreaterThan(0);
    expect(byInstance.filter((instance) => instance === 'instance-b').length).toBeGreaterThan(0);
    expect(await a.inboxStats(at(2))).toEqual({ pending: 0, oldestReceivedAt: null, deadLetters: 0 });
    expect(await b.enqueueEvents(events, at(3))).toEqual({ inserted: 0, duplicates: 2000 });
  }, 60_000);

  it('passes over rows another instance is claiming instead of waiting for them', async () => {
    const url = await postgres.newSchemaUrl();
    const [store] = (await instances(1, url)) as [PostgresStore];
    await store.enqueueEvents(crmEvents(10), at(0));
    const slow = await raw(url);
    await slow.query('BEGIN');
    const { rows: held } = await slow.query<{ id: string }>('SELECT id FROM inbox ORDER BY id LIMIT 4 FOR UPDATE');

    const claimed = await store.claimEvents('worker-fast', 10, at(1), at(6));
    await slow.query('ROLLBACK');

    expect(claimed).toHaveLength(6);
    expect(claimed.map((row) => row.id)).not.toContain(Number(held[0]!.id));
    expect(await store.claimEvents('worker-fast', 10, at(1), at(6))).toHaveLength(4);
  });

  it('gives a lease to exactly one of two instances asking at the same moment', async () => {
    const url = await postgres.newSchemaUrl();
    const [a, b] = (await instances(2, url)) as [PostgresStore, PostgresStore];

    for (let round = 0; round < 25; round += 1) {
      const name = `sla-sweep-${round}`;
      const fresh = await Promise.all([
        a.tryAcquireLease(name, 'instance-a', at(0), at(5)),
        b.tryAcquireLease(name, 'instance-b', at(0), at(5)),
      ]);
      expect(fresh.filter(Boolean)).toHaveLength(1);

      // Both see the first lease expired and race to take it over.
      const takeover = await Promise.all([
        a.tryAcquireLease(name, 'instance-c', at(5), at(10)),
        b.tryAcquireLease(name, 'instance-d', at(5), at(10)),
      ]);
      expect(takeover.filter(Boolean)).toHaveLength(1);
      const { rows } = await (await raw(url)).query('SELECT holder FROM leases WHERE name = $1', [name]);
      expect(rows).toEqual([{ holder: takeover[0] ? 'instance-c' : 'instance-d' }]);
    }
  });

  it('numbers versions in turn when two instances publish for one tenant at once', async () => {
    const url = await postgres.newSchemaUrl();
    const [a, b] = (await instances(2, url)) as [PostgresStore, PostgresStore];

    for (let round = 0; round < 5; round += 1) {
      const first = await a.saveDraft(tenantA, sampleDefinition(`a-${round}`), 'ops', at(round));
      const second = await b.saveDraft(tenantA, sampleDefinition(`b-${round}`), 'ops', at(round));
      const published = await Promise.all([
        a.publishDraft(tenantA, first.id, 'cro', at(round)),
        b.publishDraft(tenantA, second.id, 'cro', at(round)),
      ]);
      expect(published.map((p) => p.version).sort((x, y) => x - y)).toEqual([2 * round + 1, 2 * round + 2]);
    }
    expect((await a.getPublishedDefinition(tenantA))?.version).toBe(10);
  });

  it.each([
    ['acked', postgresStatements.ackEvents.text, [] as unknown[]],
    ['dead-lettered', postgresStatements.deadLetterEvents.text, ['CRM answered 404', at(2)]],
  ])('counts a redelivery as a duplicate when its event is %s while the redelivery is being enqueued', async (_, settle, extra) => {
    const url = await postgres.newSchemaUrl();
    const [store] = (await instances(1, url)) as [PostgresStore];
    const event = crmEvent();
    await store.enqueueEvents([event], at(0));
    const [row] = await store.claimEvents('worker-1', 1, at(1), at(6));
    // Another instance settles the event, and has not committed yet.
    const other = await raw(url);
    await other.query('BEGIN');
    await other.query(settle, [[row!.id], ...extra]);

    const redelivery = store.enqueueEvents([event], at(2));
    await waitersOnLocks(await raw(url), 1);
    await other.query('COMMIT');

    expect(await redelivery).toEqual({ inserted: 0, duplicates: 1 });
    expect(await store.claimEvents('worker-1', 10, at(3), at(8))).toEqual([]);
  });

  it('inserts each key once when two instances enqueue the same keys at once, in opposite orders', async () => {
    const url = await postgres.newSchemaUrl();
    const [a, b] = (await instances(2, url)) as [PostgresStore, PostgresStore];
    const events = crmEvents(500, tenantA, 'overlap');
    // Connected and prepared first, so the two transactions below run side by side.
    await Promise.all([a.enqueueEvents([crmEvent({ dedupeKey: 'warm-a' })], at(0)), b.enqueueEvents([crmEvent({ dedupeKey: 'warm-b' })], at(0))]);

    for (let round = 0; round < 3; round += 1) {
      const batch = events.slice(round * 100, round * 100 + 300);
      // Each transaction can end up waiting on a key the other inserted: Postgres breaks the
      // deadlock by failing one, which the store runs again.
      const results = await Promise.all([a.enqueueEvents(batch, at(round)), b.enqueueEvents([...batch].reverse(), at(round))]);
      expect(results.map((r) => r.inserted + r.duplicates)).toEqual([300, 300]);
      expect(results[0]!.inserted + results[1]!.inserted).toBe(round === 0 ? 300 : 100);
    }
    expect((await a.inboxStats(at(3))).pending).toBe(502);
  }, 30_000);

  it('leaves one whole owner list when two instances sync one tenant at once', async () => {
    const url = await postgres.newSchemaUrl();
    const [a, b] = (await instances(2, url)) as [PostgresStore, PostgresStore];
    const fromA = [owner('901', 'Maria Lopez'), owner('902', 'Sam Okafor'), owner('903', 'Ana Silva')];
    const fromB = [owner('904', 'Jonas Berg'), owner('902', 'Sam Okafor', { available: false }), owner('905', 'Lee Chan')];

    for (let round = 0; round < 10; round += 1) {
      await Promise.all([a.replaceOwners(tenantA, fromA, at(round)), b.replaceOwners(tenantA, fromB, at(round))]);
      expect([fromA, fromB]).toContainEqual(await a.listOwners(tenantA));
    }
  });
});
