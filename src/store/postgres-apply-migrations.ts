import type { Pool } from 'pg';
import { postgresLockKeys } from './postgres-lock-keys';
import { postgresMigrations, type PostgresMigration } from './postgres-migrations';
import { postgresTransaction } from './postgres-transaction';

/**
 * Brings the schema (the connection's current schema) up to date and records each step in
 * `schema_migrations`, all in one transaction: Postgres DDL is transactional, so a failed step leaves
 * no half-built schema behind. Safe from several instances starting at once: they queue on an
 * advisory lock and each re-reads what the one before it applied.
 * Returns the versions this call applied.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  return postgresTransaction(pool, async (client) => {
    // Taken before anything else, even CREATE TABLE IF NOT EXISTS: two of those at once can both
    // pass the IF, and the later one then fails on the catalog's unique index.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), \'\')))', [
      postgresLockKeys.migrate,
    ]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     integer PRIMARY KEY,
      name        text NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    refuseNewerSchema(applied, ordered);

    const done: number[] = [];
    for (const migration of ordered) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}

/** An older build must not run against a schema it does not understand (after a rollback, say). */
function refuseNewerSchema(applied: ReadonlySet<number>, known: readonly PostgresMigration[]): void {
  const newest = Math.max(0, ...applied);
  const knownNewest = known.at(-1)?.version ?? 0;
  if (newest > knownNewest) {
    throw new Error(
      `the database schema is at version ${newest}, newer than this build knows (${knownNewest}); upgrade Accord`,
    );
  }
}
