import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Accord's package folder, found by walking up from this file: the same answer from `src/` (ts-jest)
 * and from `dist/src/` (the build), so static files are served from their source folder in both.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'accord') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no accord package.json above ${from}`);
  }
}
