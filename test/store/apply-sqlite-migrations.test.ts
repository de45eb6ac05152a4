import Database from 'better-sqlite3';
import { applySqliteMigrations } from '../../src/store/apply-sqlite-migrations';
import { sqliteMigrations, type SqliteMigration } from '../../src/store/sqlite-migrations';

describe('applySqliteMigrations', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  const tables = () =>
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => row.name);

  it('creates the schema and records each migration once', () => {
    expect(applySqliteMigrations(db)).toEqual(sqliteMigrations.map((m) => m.version));
    expect(applySqliteMigrations(db)).toEqual([]);

    expect(tables()).toEqual([
      'audit',
      'dead_letters',
      'decisions',
      'definitions',
      'inbox',
      'leases',
      'owners',
      'processed_keys',
      'routing_state',
      'schema_migrations',
      'tenants',
    ]);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([{ version: 1, name: 'initial schema' }]);
  });

  it('applies later migrations in version order, skipping those already applied', () => {
    applySqliteMigrations(db);
    const later: SqliteMigration[] = [
      { version: 3, name: 'index owners by email', sql: 'CREATE INDEX owners_email ON owner_emails (email)' },
      { version: 2, name: 'owner emails', sql: 'CREATE TABLE owner_emails (email TEXT)' },
    ];

    expect(applySqliteMigrations(db, [...sqliteMigrations, ...later])).toEqual([2, 3]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
    ]);
  });

  it('leaves no trace of a migration that fails half way', () => {
    const broken: SqliteMigration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM missing_table;' };
    applySqliteMigrations(db);

    expect(() => applySqliteMigrations(db, [...sqliteMigrations, broken])).toThrow(/missing_table/);
    expect(tables()).not.toContain('half');
    expect(db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({ version: 1 });
  });

  it('refuses a database migrated by a newer build', () => {
    applySqliteMigrations(db);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')").run();

    expect(() => applySqliteMigrations(db)).toThrow(/schema is at version 99, newer than this build knows \(1\)/);
  });
});
