import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * A file under the project's `shared/data`, found by walking up from the working directory, then
 * from this file (so it works from `src/` and `dist/src/` alike). Null when there is none.
 */
export function findSharedDataFile(relative: string, starts: readonly string[] = [process.cwd(), __dirname]): string | null {
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'shared', 'data', relative);
      if (existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
