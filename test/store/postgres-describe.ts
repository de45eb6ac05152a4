import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { findPostgresBinDir, startTemporaryPostgres, type TemporaryPostgres } from '../support/start-postgres';

export interface PostgresForTests {
  /** The test file's own database. */
  databaseUrl(): string;
  /**
   * The URL of a new, empty schema in that database: a store opened on it sees only its own tables,
   * so each test starts empty without the cost of a new database.
   */
  newSchemaUrl(): Promise<string>;
}

/**
 * A describe block with a real Postgres behind it (see start-postgres.ts). Without one: in CI the
 * test file fails, since CI must install Postgres; on a developer's machine the block is skipped
 * and says why, so the SQLite suites still run.
 */
export function describePostgres(name: string, body: (postgres: PostgresForTests) => void): void {
  if (!process.env.ACCORD_TEST_DATABASE_URL && findPostgresBinDir() === null) {
    const why = 'no Postgres: ACCORD_TEST_DATABASE_URL is not set and no server is installed under /usr/lib/postgresql';
    if (isCi()) throw new Error(`${why}. CI must provide one (scripts/ci/start-postgres.sh).`);
    console.warn(`Skipping "${name}": ${why}. Run apt-get install postgresql to include these tests.`);
    describe.skip(name, () => body(unavailable));
    return;
  }

  describe(name, () => {
    let server: TemporaryPostgres | undefined;
    let admin: Pool | undefined;
    beforeAll(async () => {
      server = await startTemporaryPostgres();
      admin = new Pool({ connectionString: server.url, max: 2 });
    }, 120_000);
    afterAll(async () => {
      await admin?.end();
      await server?.stop();
    }, 60_000);

    body({
      databaseUrl: () => started(server).url,
      newSchemaUrl: async () => {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        await started(admin).query(`CREATE SCHEMA ${schema}`);
        const url = new URL(started(server).url);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return url.toString();
      },
    });
  });
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Postgres is only available inside a test');
  return value;
}

const unavailable: PostgresForTests = {
  databaseUrl: () => started<string>(undefined),
  newSchemaUrl: async () => started<string>(undefined),
};
