import type { Pool, PoolClient } from 'pg';

/** deadlock_detected and serialization_failure: Postgres rolled the whole transaction back, so it can run again. */
const retryableCodes = new Set(['40P01', '40001']);
const maxAttempts = 3;

/**
 * Runs `work` between BEGIN and COMMIT on one pooled connection, rolling back when it throws.
 * Two transactions that lock overlapping rows in opposite orders (two batches enqueueing the same
 * keys, say) can deadlock; Postgres aborts one of them, and running it again is then the whole fix.
 * `work` must therefore do nothing outside the database that a second run would repeat.
 */
export async function postgresTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return retryingConflicts(() => once(pool, work));
}

/** Runs a whole transaction (or a single statement, its own transaction) again when Postgres aborted it for a conflict. */
export async function retryingConflicts<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= maxAttempts || !retryableCodes.has(postgresErrorCode(error) ?? '')) throw error;
    }
  }
}

async function once<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself failed: the server ends its transaction; the pool must not reuse it.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

export function postgresErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
