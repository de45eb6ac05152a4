import { keptOnPurge, perRecordTables } from '../../src/store/per-record-tables';
import { postgresMigrations } from '../../src/store/postgres-migrations';
import { sqliteMigrations } from '../../src/store/sqlite-migrations';
import { perRecordTablesOf } from './contract/purge-contract';

describe('per-record tables', () => {
  it.each([
    ['SQLite', sqliteMigrations.map((m) => m.sql)],
    ['Postgres', postgresMigrations.map((m) => m.sql)],
  ])('names every %s table holding a record_id (so a privacy purge misses none)', (_name, sql) => {
    expect(perRecordTablesOf(sql)).toEqual([...perRecordTables, ...keptOnPurge].sort());
  });
});
