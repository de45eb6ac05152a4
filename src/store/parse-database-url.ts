import path from 'node:path';

export type DatabaseLocation =
  /** `filename` is ":memory:" or an absolute path. */
  | { kind: 'sqlite'; filename: string }
  | { kind: 'postgres'; url: string };

const memory = ':memory:';

/**
 * Reads a DATABASE_URL: `file:./accord.db`, `file:/abs/accord.db`, `file:///abs/accord.db`,
 * `sqlite:…` (same forms), `:memory:`, or a plain path; `postgres://` / `postgresql://` for Postgres.
 * Relative paths resolve against `cwd`.
 */
export function parseDatabaseUrl(databaseUrl: string, cwd: string = process.cwd()): DatabaseLocation {
  const url = databaseUrl.trim();
  if (url === '') throw new Error('the database URL is empty; use file:./accord.db or postgres://…');
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };

  const sqlite = /^(file|sqlite):(.*)$/i.exec(url);
  if (sqlite) return { kind: 'sqlite', filename: sqliteFilename(afterScheme(sqlite[2] ?? ''), cwd, url) };
  // Two or more letters, so a Windows drive ("C:\…") still reads as a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url);
  if (scheme && url !== memory) {
    throw new Error(`unsupported database URL scheme "${scheme[1]}:"; use file:./accord.db or postgres://…`);
  }
  return { kind: 'sqlite', filename: sqliteFilename(url, cwd, url) };
}

/** `file:///abs` and `sqlite://./rel` are URL-shaped: drop the empty authority and decode %-escapes. */
function afterScheme(rest: string): string {
  return rest.startsWith('//') ? decodeURIComponent(rest.slice(2)) : rest;
}

function sqliteFilename(location: string, cwd: string, url: string): string {
  if (location === memory) return memory;
  if (location === '') throw new Error(`the database URL "${url}" names no file; use file:./accord.db`);
  if (location.includes('?')) {
    throw new Error(`the database URL "${url}" has query options, which Accord does not read; remove them`);
  }
  return path.resolve(cwd, location);
}
