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
      'api_keys',
      'audit',
      'backfills',
      'calibration_jobs',
      'channel_settings',
      'dead_letters',
      'decisions',
      'definitions',
      'digests',
      'draft_approvals',
      'feedback',
      'inbox',
      'lead_facts',
      'lead_snapshots',
      'leases',
      'owners',
      'processed_keys',
      'record_rejections',
      'routing_state',
      'schema_migrations',
      'shadow_decisions',
      'shadow_runs',
      'sync_cursors',
      'tenants',
      'used_oauth_states',
    ]);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(
      sqliteMigrations.map(({ version, name }) => ({ version, name })),
    );
  });

  // The newest released migration; the tests below add their own after it.
  const newest = Math.max(...sqliteMigrations.map((m) => m.version));

  it('applies later migrations in version order, skipping those already applied', () => {
    applySqliteMigrations(db);
    const later: SqliteMigration[] = [
      { version: newest + 2, name: 'index owners by email', sql: 'CREATE INDEX owners_email ON owner_emails (email)' },
      { version: newest + 1, name: 'owner emails', sql: 'CREATE TABLE owner_emails (email TEXT)' },
    ];

    expect(applySqliteMigrations(db, [...sqliteMigrations, ...later])).toEqual([newest + 1, newest + 2]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      [...sqliteMigrations.map((m) => m.version), newest + 1, newest + 2].map((version) => ({ version })),
    );
  });

  it('leaves no trace of a migration that fails half way', () => {
    const broken: SqliteMigration = { version: newest + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM missing_table;' };
    applySqliteMigrations(db);

    expect(() => applySqliteMigrations(db, [...sqliteMigrations, broken])).toThrow(/missing_table/);
    expect(tables()).not.toContain('half');
    expect(db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({ version: newest });
  });

  it('refuses a database migrated by a newer build', () => {
    applySqliteMigrations(db);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')").run();

    expect(() => applySqliteMigrations(db)).toThrow(new RegExp(`schema is at version 99, newer than this build knows \\(${newest}\\)`));
  });
});
