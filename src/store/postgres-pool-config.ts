import type { PoolConfig } from 'pg';

/** node-postgres' own default; see docs/postgres.md for sizing. */
const defaultPoolMax = 10;
/** A pool with every connection busy makes callers wait; past this an outage becomes an error, not a hang. */
const connectTimeoutMs = 10_000;

/**
 * The pool settings for a DATABASE_URL. Everything in the URL is libpq's (host, sslmode, options…)
 * and node-postgres reads it, except `pool_max`, Accord's own: connections this instance may open.
 */
export function postgresPoolConfig(databaseUrl: string): PoolConfig {
  const { connectionString, poolMax } = takePoolMax(databaseUrl);
  return {
    connectionString,
    max: poolMax ?? defaultPoolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    // Names the instance's sessions in pg_stat_activity; an application_name in the URL wins.
    application_name: 'accord',
  };
}

function takePoolMax(databaseUrl: string): { connectionString: string; poolMax: number | undefined } {
  if (!/[?&]pool_max=/.test(databaseUrl)) return { connectionString: databaseUrl, poolMax: undefined };
  const url = new URL(databaseUrl);
  const value = url.searchParams.get('pool_max') ?? '';
  const poolMax = Number(value);
  if (!/^\d+$/.test(value) || poolMax < 1 || poolMax > 1000) {
    throw new Error(`pool_max in the database URL must be a whole number from 1 to 1000, got "${value}"`);
  }
  url.searchParams.delete('pool_max');
  return { connectionString: url.toString(), poolMax };
}
