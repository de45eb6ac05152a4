import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private folder for the describe block's database files, removed after it. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-store-'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('the temp dir is only available inside a test');
    return dir;
  };
}
