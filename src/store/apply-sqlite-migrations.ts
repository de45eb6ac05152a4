import type { Database } from 'better-sqlite3';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';

/**
 * Brings the schema up to date and records each step in `schema_migrations`.
 * Safe to run any number of times, and from several processes at once: each step re-checks
 * under a write lock (BEGIN IMMEDIATE) whether another process applied it first.
 * Returns the versions this call applied.
 */
export function applySqliteMigrations(db: Database, migrations: readonly SqliteMigration[] = sqliteMigrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  refuseNewerSchema(db, ordered);
  const isApplied = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  const record = db.prepare<[number, string]>('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applyOne = db.transaction((migration: SqliteMigration): boolean => {
    if (isApplied.get(migration.version)) return false;
    db.exec(migration.sql);
    record.run(migration.version, migration.name);
    return true;
  });
  return ordered.filter((migration) => applyOne.immediate(migration)).map((migration) => migration.version);
}

/** An older build must not run against a schema it does not understand (after a rollback, say). */
function refuseNewerSchema(db: Database, known: readonly SqliteMigration[]): void {
  const newest = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  const knownNewest = known.at(-1)?.version ?? 0;
  if (newest?.version != null && newest.version > knownNewest) {
    throw new Error(
      `the database schema is at version ${newest.version}, newer than this build knows (${knownNewest}); upgrade Accord`,
    );
  }
}
