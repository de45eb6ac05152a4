import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from './parse-database-url';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

/** Opens the store a DATABASE_URL names, creating the file and its folder if needed, with the schema up to date. */
export async function openStore(databaseUrl: string): Promise<Store> {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind === 'postgres') {
    throw new Error('Postgres support is not built yet; use file:./accord.db (or another file: path) for now');
  }
  if (location.filename !== ':memory:') fs.mkdirSync(path.dirname(location.filename), { recursive: true });
  const store = new SqliteStore(location.filename);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
