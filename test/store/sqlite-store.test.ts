import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteMigrations } from '../../src/store/sqlite-migrations';
import { SqliteStore } from '../../src/store/sqlite-store';
import { at, crmEvent, crmEvents, decision, sampleDefinition, tenantA, tenantB, tenantRecord } from './fixtures';
import { describeStoreContract } from './store-contract';
import { useTempDir } from './use-temp-dir';

const tempDir = useTempDir();
let files = 0;
function nextDatabaseFile(): string {
  files += 1;
  return path.join(tempDir(), `store-${files}.db`);
}

async function migratedStore(filename: string): Promise<SqliteStore> {
  const store = new SqliteStore(filename);
  await store.migrate();
  return store;
}

describeStoreContract('SQLite file', () => migratedStore(nextDatabaseFile()));
describeStoreContract('SQLite in-memory', () => migratedStore(':memory:'));

describe('SqliteStore', () => {
  const open: SqliteStore[] = [];
  const rawConnections: Database.Database[] = [];
  async function openStoreAt(filename: string): Promise<SqliteStore> {
    const store = await migratedStore(filename);
    open.push(store);
    return store;
  }
  function openRaw(filename: string): Database.Database {
    const db = new Database(filename);
    rawConnections.push(db);
    return db;
  }
  afterEach(async () => {
    for (const db of rawConnections.splice(0)) db.close();
    for (const store of open.splice(0)) await store.close();
  });

  it('refuses any change to a published definition, even through raw SQL', async () => {
    const file = nextDatabaseFile();
    const store = await openStoreAt(file);
    const draft = await store.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
    const published = await store.publishDraft(tenantA, draft.id, 'cro', at(1));
    const laterDraft = await store.saveDraft(tenantA, sampleDefinition('later'), 'ops', at(2));
    const raw = openRaw(file);

    expect(() => raw.prepare("UPDATE definitions SET body = '{}' WHERE id = ?").run(published.id)).toThrow(
      /published definitions are immutable/,
    );
    expect(() => raw.prepare('DELETE FROM definitions WHERE id = ?').run(published.id)).toThrow(
      /published definitions are immutable/,
    );
    expect(raw.prepare("UPDATE definitions SET created_by = 'editor' WHERE id = ?").run(laterDraft.id).changes).toBe(1);
    expect(await store.getDefinition(tenantA, published.id)).toEqual(published);
  });

  it('refuses a second published row with the same version', async () => {
    const file = nextDatabaseFile();
    const store = await openStoreAt(file);
    const draft = await store.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
    await store.publishDraft(tenantA, draft.id, 'cro', at(1));

    const insertPublished = openRaw(file).prepare(`
      INSERT INTO definitions (crm, tenant_id, version, status, body, created_by, created_at, published_by, published_at)
      VALUES (?, ?, 1, 'published', '{}', 'ops', ?, 'cro', ?)`);
    expect(() => insertPublished.run(tenantA.crm, tenantA.tenantId, at(2), at(3))).toThrow(/UNIQUE/);
  });

  it('keeps everything written after close and reopen of the same file', async () => {
    const file = nextDatabaseFile();
    const first = new SqliteStore(file);
    await first.migrate();
    await first.upsertTenant(tenantRecord(tenantA));
    const draft = await first.saveDraft(tenantA, sampleDefinition(), 'ops', at(0));
    const published = await first.publishDraft(tenantA, draft.id, 'cro', at(1));
    const acked = crmEvent({ dedupeKey: 'acked-before-restart' });
    await first.enqueueEvents([acked, crmEvent({ dedupeKey: 'waiting' })], at(2));
    const [row] = await first.claimEvents('worker-1', 1, at(3), at(8));
    await first.ackEvents([row!.id]);
    await first.commitDecisions(tenantA, [{ decision: decision(), writtenFields: ['accord_score'] }], { pool: { '901': 2 } }, []);
    expect(await first.tryAcquireLease('sla-sweep', 'instance-a', at(4), at(60))).toBe(true);
    await first.close();

    const second = await openStoreAt(file);
    expect(await second.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
    expect(await second.getPublishedDefinition(tenantA)).toEqual(published);
    expect(await second.enqueueEvents([acked], at(10))).toEqual({ inserted: 0, duplicates: 1 });
    expect((await second.claimEvents('worker-2', 10, at(10), at(15))).map((r) => r.event.dedupeKey)).toEqual(['waiting']);
    expect(await second.getLatestDecision(tenantA, decision().recordId)).toEqual(decision());
    expect(await second.getRoutingState(tenantA)).toEqual({ pool: { '901': 2 } });
    expect(await second.tryAcquireLease('sla-sweep', 'instance-b', at(10), at(70))).toBe(false);
  });

  it('never gives one row to two connections sharing the file', async () => {
    const file = nextDatabaseFile();
    const a = await openStoreAt(file);
    const b = await openStoreAt(file);
    // Two tenants: a tenant's rows go to one worker at a time, so each connection works its own.
    await a.enqueueEvents([...crmEvents(13, tenantA, 'a'), ...crmEvents(12, tenantB, 'b')], at(0));

    const claimed: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const [store, worker] of [[a, 'worker-a'], [b, 'worker-b']] as const) {
        claimed.push(...(await store.claimEvents(worker, 3, at(1), at(6))).map((row) => row.id));
      }
    }

    expect(claimed).toHaveLength(25);
    expect(new Set(claimed).size).toBe(25);
  });

  it('migrates idempotently', async () => {
    const file = nextDatabaseFile();
    const store = await openStoreAt(file);
    await store.upsertTenant(tenantRecord(tenantA));
    await store.migrate();

    expect(await store.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
    expect(openRaw(file).prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      sqliteMigrations.map(({ version }) => ({ version })),
    );
  });

  it('explains that migrate() is missing when used on an empty database', async () => {
    const store = new SqliteStore(':memory:');
    open.push(store);

    await expect(store.listTenants()).rejects.toThrow(/call migrate\(\) first/);
  });

  it('reports itself as the sqlite kind and tolerates a second close', async () => {
    const store = new SqliteStore(':memory:');
    expect(store.kind).toBe('sqlite');
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
