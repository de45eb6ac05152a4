import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const testRoot = join(__dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : /\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * On a 2-core machine jest runs every test file in one process. nock patches Node's `http` when it
 * is loaded; a file that leaves it patched routes later files' real sockets through its interceptor,
 * where a reset loopback connection becomes an unhandled error that ends the whole run.
 */
describe('test files that load nock', () => {
  it('let go of http when they finish (nock.restore, directly or through useNock)', () => {
    const users = testFiles(testRoot).filter((file) => file !== __filename && /from 'nock'|require\('nock'\)|hubspot-nock'/.test(readFileSync(file, 'utf8')));
    expect(users.length).toBeGreaterThan(0);
    const offenders = users
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return !/nock\.restore\(\)/.test(text) && !/useNock\(\)/.test(text);
      })
      .map((file) => relative(testRoot, file));
    expect(offenders).toEqual([]);
  });
});
