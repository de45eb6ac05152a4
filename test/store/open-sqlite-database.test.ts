import path from 'node:path';
import { openSqliteDatabase } from '../../src/store/open-sqlite-database';
import { useTempDir } from './use-temp-dir';

describe('openSqliteDatabase', () => {
  const tempDir = useTempDir();

  it('opens a file in WAL mode with full fsync, a busy timeout and foreign keys on', () => {
    const db = openSqliteDatabase(path.join(tempDir(), 'pragmas.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL: NORMAL (1) may lose the last commits, i.e. events already acked to the CRM, on power loss.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
