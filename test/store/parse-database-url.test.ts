import { parseDatabaseUrl } from '../../src/store/parse-database-url';

describe('parseDatabaseUrl', () => {
  const cwd = '/srv/accord';

  it.each([
    ['file:./accord.db', '/srv/accord/accord.db'],
    ['file:data/accord.db', '/srv/accord/data/accord.db'],
    ['file:/var/lib/accord/accord.db', '/var/lib/accord/accord.db'],
    ['file:///var/lib/accord/accord.db', '/var/lib/accord/accord.db'],
    ['file:///var/lib/my%20accord/accord.db', '/var/lib/my accord/accord.db'],
    ['sqlite:./accord.db', '/srv/accord/accord.db'],
    ['sqlite:///var/lib/accord/accord.db', '/var/lib/accord/accord.db'],
    ['sqlite://./accord.db', '/srv/accord/accord.db'],
    ['./accord.db', '/srv/accord/accord.db'],
    ['/tmp/accord.db', '/tmp/accord.db'],
    ['  file:./accord.db  ', '/srv/accord/accord.db'],
  ])('reads %s as the SQLite file %s', (url, filename) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: 'sqlite', filename });
  });

  it.each([':memory:', 'file::memory:', 'sqlite::memory:'])('reads %s as an in-memory SQLite database', (url) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: 'sqlite', filename: ':memory:' });
  });

  it.each(['postgres://accord:secret@db:5432/accord', 'postgresql://db/accord', 'POSTGRES://db/accord'])(
    'reads %s as Postgres, keeping the URL whole',
    (url) => {
      expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: 'postgres', url });
    },
  );

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['file:', /names no file/],
    ['mysql://db/accord', /unsupported database URL scheme "mysql:"/],
    ['file:./accord.db?mode=ro', /query options/],
  ])('refuses %j', (url, message) => {
    expect(() => parseDatabaseUrl(url, cwd)).toThrow(message);
  });
});
