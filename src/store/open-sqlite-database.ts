import Database from 'better-sqlite3';

/** How long a writer waits for another connection's write lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5000;

/** Opens a SQLite database set up for a durable inbox shared by several connections. */
export function openSqliteDatabase(filename: string): Database.Database {
  const db = new Database(filename, { timeout: busyTimeoutMs });
  // WAL lets readers run beside the single writer (webhook ingest and worker at once).
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: with NORMAL a commit can be lost on power failure in WAL mode, and an
  // event we acked to the CRM would be gone while the CRM believes it was delivered.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  return db;
}
