import { Client, Pool } from 'pg';
import { applyPostgresMigrations } from '../../src/store/postgres-apply-migrations';
import { PostgresStore } from '../../src/store/postgres-store';
import { postgresMigrations } from '../../src/store/postgres-migrations';
import { sqliteMigrations } from '../../src/store/sqlite-migrations';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { at, crmEvent, decision, owner, sampleDefinition, tenantA, tenantRecord } from './fixtures';
import { describePostgres } from './postgres-describe';
import { describeStoreContract } from './store-contract';

describePostgres('Postgres', (postgres) => {
  describeStoreContract('Postgres', async () => {
    const store = new PostgresStore(await postgres.newSchemaUrl());
    await store.migrate();
    return store;
  });

  describe('PostgresStore', () => {
    const open: { close(): Promise<void> }[] = [];
    const rawClients: Client[] = [];
    async function track<S extends Store | Pool>(opened: S): Promise<S> {
      open.push({ close: () => ('end' in opened ? opened.end() : opened.close()) });
      return opened;
    }
    async function migratedStore(url: string): Promise<PostgresStore> {
      const store = await track(new PostgresStore(url));
      await store.migrate();
      return store;
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

    it('refuses any change to a published definition, even through raw SQL', async () => {
      const url = await postgres.newSchemaUrl();
      const store = await migratedStore(url);
      const draft = await store.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const published = await store.publishDraft(tenantA, draft.id, 'cro', at(1));
      const laterDraft = await store.saveDraft(tenantA, sampleDefinition('later'), 'ops', at(2));
      const db = await raw(url);

      await expect(db.query("UPDATE definitions SET body = '{}' WHERE id = $1", [published.id])).rejects.toThrow(
        /published definitions are immutable/,
      );
      await expect(db.query('DELETE FROM definitions WHERE id = $1', [published.id])).rejects.toThrow(
        /published definitions are immutable/,
      );
      await expect(db.query('TRUNCATE definitions')).rejects.toThrow(/published definitions are immutable/);
      expect((await db.query("UPDATE definitions SET created_by = 'editor' WHERE id = $1", [laterDraft.id])).rowCount).toBe(1);
      expect(await store.getDefinition(tenantA, published.id)).toEqual(published);
    });

    it('lets a table holding only drafts be truncated', async () => {
      const url = await postgres.newSchemaUrl();
      const store = await migratedStore(url);
      await store.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));

      await (await raw(url)).query('TRUNCATE definitions');
      expect(await store.listDefinitions(tenantA)).toEqual([]);
    });

    it('refuses a second published row with the same version', async () => {
      const url = await postgres.newSchemaUrl();
      const store = await migratedStore(url);
      const draft = await store.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      await store.publishDraft(tenantA, draft.id, 'cro', at(1));

      await expect(
        (await raw(url)).query(
          `INSERT INTO definitions (crm, tenant_id, version, status, body, created_by, created_at, published_by, published_at)
           VALUES ($1, $2, 1, 'published', '{}', 'ops', $3, 'cro', $4)`,
          [tenantA.crm, tenantA.tenantId, at(2), at(3)],
        ),
      ).rejects.toThrow(/definitions_published_version/);
    });

    it('keeps everything written after the pool is closed and a new one opened', async () => {
      const url = await postgres.newSchemaUrl();
      const first = new PostgresStore(url);
      await first.migrate();
      await first.upsertTenant(tenantRecord(tenantA));
      const draft = await first.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
      const published = await first.publishDraft(tenantA, draft.id, 'cro', at(1));
      const acked = crmEvent({ dedupeKey: 'acked-before-restart' });
      await first.enqueueEvents([acked, crmEvent({ dedupeKey: 'waiting' })], at(2));
      const [row] = await first.claimEvents('worker-1', 1, at(3), at(8));
      await first.ackEvents([row!.id]);
      await first.commitDecisions(tenantA, [{ decision: decision(), writtenFields: ['accord_score'] }], { pool: { '901': 2 } }, []);
      await first.replaceOwners(tenantA, [owner('901', 'Maria Lopez')], at(3));
      expect(await first.tryAcquireLease('sla-sweep', 'instance-a', at(4), at(60))).toBe(true);
      await first.close();

      const second = await migratedStore(url);
      expect(await second.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
      expect(await second.getPublishedDefinition(tenantA)).toEqual(published);
      expect(await second.enqueueEvents([acked], at(10))).toEqual({ inserted: 0, duplicates: 1 });
      expect((await second.claimEvents('worker-2', 10, at(10), at(15))).map((r) => r.event.dedupeKey)).toEqual(['waiting']);
      expect(await second.getLatestDecision(tenantA, decision().recordId)).toEqual(decision());
      expect(await second.getRoutingState(tenantA)).toEqual({ pool: { '901': 2 } });
      expect(await second.listOwners(tenantA)).toEqual([owner('901', 'Maria Lopez')]);
      expect(await second.tryAcquireLease('sla-sweep', 'instance-b', at(10), at(70))).toBe(false);
    });

    it('migrates idempotently, recording each version once', async () => {
      const url = await postgres.newSchemaUrl();
      const store = await migratedStore(url);
      await store.upsertTenant(tenantRecord(tenantA));
      await store.migrate();

      expect(await store.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
      const { rows } = await (await raw(url)).query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
      expect(postgresMigrations.map(({ version, name }) => ({ version, name }))).toEqual(
        sqliteMigrations.map(({ version, name }) => ({ version, name })),
      );
    });

    it('migrates one schema from several instances starting at once', async () => {
      const url = await postgres.newSchemaUrl();
      const instances = await Promise.all(Array.from({ length: 4 }, () => track(new PostgresStore(url))));

      await Promise.all(instances.map((store) => store.migrate()));

      const { rows } = await (await raw(url)).query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(postgresMigrations.map(({ version }) => ({ version })));
      await instances[0]!.upsertTenant(tenantRecord(tenantA));
      expect(await instances[3]!.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
    });

    it('upgrades a schema an older build created, keeping its data', async () => {
      const url = await postgres.newSchemaUrl();
      const older = await track(new Pool({ connectionString: url }));
      expect(await applyPostgresMigrations(older, postgresMigrations.slice(0, 1))).toEqual([1]);
      const store = await track(new PostgresStore(url));
      await store.upsertTenant(tenantRecord(tenantA));

      expect(await applyPostgresMigrations(older, postgresMigrations)).toEqual(postgresMigrations.slice(1).map((m) => m.version));
      await store.setCursor(tenantA, 'reconcile', 'x', at(1));
      expect(await store.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
      expect(await applyPostgresMigrations(older, postgresMigrations)).toEqual([]);
    });

    it('refuses a schema newer than this build knows', async () => {
      const url = await postgres.newSchemaUrl();
      await migratedStore(url);
      await (await raw(url)).query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");

      const known = postgresMigrations.at(-1)?.version;
      await expect((await track(new PostgresStore(url))).migrate()).rejects.toThrow(
        `schema is at version 99, newer than this build knows (${known}); upgrade Accord`,
      );
    });

    it('explains that migrate() is missing when used on an empty database', async () => {
      const store = await track(new PostgresStore(await postgres.newSchemaUrl()));

      await expect(store.listTenants()).rejects.toThrow(/no Accord schema .*call migrate\(\) first/);
      await expect(store.enqueueEvents([crmEvent()], at(0))).rejects.toThrow(/call migrate\(\) first/);
    });

    it('reports itself as the postgres kind and tolerates a second close', async () => {
      const store = new PostgresStore(await postgres.newSchemaUrl());
      expect(store.kind).toBe('postgres');
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('keeps text a CRM sent that jsonb would refuse (\\u0000) in events and decisions', async () => {
      const store = await migratedStore(await postgres.newSchemaUrl());
      const event = crmEvent({ changedFields: ['job\u0000title'] });
      const odd = decision({ why: 'title "VP\u0000Sales" counts', reasons: [] });

      await store.enqueueEvents([event], at(0));
      await store.commitDecisions(tenantA, [{ decision: odd, writtenFields: [] }], {}, []);

      expect((await store.claimEvents('worker-1', 1, at(1), at(6)))[0]?.event).toEqual(event);
      expect(await store.getLatestDecision(tenantA, odd.recordId)).toEqual(odd);
    });

    it('orders tenants, records and keys bytewise, as SQLite does, whatever the database collation', async () => {
      const ids = ['b-200', 'B-100', '_import', 'a-9', 'A-10', 'éclair', 'Zulu'];
      const fill = async (store: Store) => {
        for (const tenantId of ids) await store.upsertTenant(tenantRecord({ crm: 'hubspot', tenantId }));
        const decisions = ids.map((recordId) => ({ decision: decision({ recordId }), writtenFields: [] }));
        await store.commitDecisions(tenantA, decisions, {}, []);
        return {
          tenants: (await store.listTenants('hubspot')).map((t) => t.tenantId),
          records: (await store.listCurrentDecisions(tenantA)).map((d) => d.recordId),
        };
      };
      const sqlite = await track(new SqliteStore(':memory:'));
      await sqlite.migrate();
      const expected = await fill(sqlite);

      expect(await fill(await migratedStore(await postgres.newSchemaUrl()))).toEqual(expected);
      expect(expected.tenants).toEqual([...ids].sort());
    });

    it('returns times as ISO instants in UTC, whatever the session time zone', async () => {
      const url = new URL(await postgres.newSchemaUrl());
      url.searchParams.set('options', `${url.searchParams.get('options')} -c TimeZone=Pacific/Chatham`);
      const store = await migratedStore(url.toString());

      await store.upsertTenant(tenantRecord(tenantA, { installedAt: '2025-03-03T10:00:00+01:00' }));
      await store.enqueueEvents([crmEvent()], at(0));

      expect((await store.getTenant(tenantA))?.installedAt).toBe('2025-03-03T09:00:00.000Z');
      expect(await store.claimEvents('worker-1', 1, at(0), at(5))).toEqual([expect.objectContaining({ receivedAt: at(0) })]);
      expect(await store.claimEvents('worker-2', 1, at(4), at(9))).toEqual([]);
    });
  });
});
