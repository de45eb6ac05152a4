import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from './parse-database-url';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

/**
 * Opens the store a DATABASE_URL names, with the schema up to date: a SQLite file (created with its
 * folder if needed), or a Postgres database shared by every instance given the same URL.
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind === 'postgres') return migrated(new PostgresStore(location.url), withoutPassword(location.url));
  if (location.filename !== ':memory:') fs.mkdirSync(path.dirname(location.filename), { recursive: true });
  return migrated(new SqliteStore(location.filename));
}

async function migrated(store: Store, describedAs?: string): Promise<Store> {
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    if (describedAs === undefined) throw error;
    throw new Error(`could not open the Postgres database ${describedAs}: ${reasonOf(error)}`, { cause: error });
  }
  return store;
}

/**
 * Duck-typed: a connection error is made by Node's own realm, where `instanceof Error` can be false,
 * and when every address of a host refuses, it is an AggregateError whose own message is empty.
 */
function reasonOf(error: unknown): string {
  const { message, errors } = (error ?? {}) as { message?: unknown; errors?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(reasonOf).join('; ');
  return String(error);
}

/** The URL as it may appear in an error message or a log. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'named by DATABASE_URL';
  }
}
