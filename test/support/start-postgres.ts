import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const postgresRoot = '/usr/lib/postgresql';

export interface TemporaryPostgres {
  /** A postgres:// URL of a database no one else uses. */
  url: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder (Debian's layout), or null when there is none. */
export function findPostgresBinDir(): string | null {
  const versions = fs.existsSync(postgresRoot) ? fs.readdirSync(postgresRoot) : [];
  const newest = versions
    .filter((version) => /^\d+$/.test(version) && fs.existsSync(path.join(postgresRoot, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : path.join(postgresRoot, newest, 'bin');
}

/**
 * A Postgres database for one test file. With ACCORD_TEST_DATABASE_URL set (CI starts one cluster
 * for the whole run), a new database on that server, dropped on stop; otherwise a throwaway cluster
 * of its own on a free loopback port, removed on stop.
 */
export async function startTemporaryPostgres(): Promise<TemporaryPostgres> {
  const shared = process.env.ACCORD_TEST_DATABASE_URL;
  return shared ? createDatabase(shared) : startCluster();
}

async function createDatabase(serverUrl: string): Promise<TemporaryPostgres> {
  const name = `accord_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a pool a failed test never closed must not keep the database alive.
    stop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function startCluster(): Promise<TemporaryPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error(`no Postgres server under ${postgresRoot}; apt-get install postgresql, or set ACCORD_TEST_DATABASE_URL`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-postgres-'));
  const data = path.join(dir, 'data');
  const asPostgres = asClusterOwner(dir);
  const bin = (tool: string) => path.join(binDir, tool);
  try {
    // An ICU en-US default collation (as on many managed servers) so that ordering which relies on
    // bytewise text order fails here too, rather than only in production.
    await asPostgres(bin('initdb'), [
      '-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8',
      '--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=en-US',
    ]);
    const port = await startOnFreePort((port) =>
      asPostgres(bin('pg_ctl'), [
        '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o',
        `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${dir}' -c fsync=on`,
        'start',
      ]),
    );
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await withClient(url, (client) => client.query('SELECT 1'));
    let stopped = false;
    const stopNow = () => {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync(...asPostgresSync(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
      } catch {
        // Already down.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    };
    // A test run killed before afterAll must not leave a server running.
    process.once('exit', stopNow);
    return {
      url,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopNow);
        await asPostgres(bin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = path.join(dir, 'server.log');
    const detail = fs.existsSync(log) ? `\nserver log:\n${fs.readFileSync(log, 'utf8')}` : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a temporary Postgres: ${(error as Error).message}${detail}`);
  }
}

/** initdb refuses to run as root: as root, the cluster belongs to the postgres user. */
function asClusterOwner(dir: string): (command: string, args: string[]) => Promise<void> {
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  return async (command, args) => {
    const [file, argv] = asPostgresSync(command, args);
    // cwd: the postgres user may not be allowed into the test runner's folder.
    await run(file, argv, { cwd: dir });
  };
}

function asPostgresSync(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The port is free when asked but could be taken before the server binds it: try a few. */
async function startOnFreePort(start: (port: number) => Promise<void>): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      await start(port);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
