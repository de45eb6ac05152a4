import { existsSync } from 'node:fs';
import path from 'node:path';

const relativeDataDir = path.join('shared', 'data', 'crm-sales-opportunities');

function searchUpward(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, relativeDataDir);
    if (existsSync(path.join(candidate, 'accounts.csv'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Where the CRM + Sales Opportunities CSVs are: the given folder, else the first
 * `shared/data/crm-sales-opportunities` found walking up from the working directory or from this
 * file (which works from `scripts/` and from `dist/scripts/` alike).
 */
export function findSeedDataDir(dataDir?: string): string {
  if (dataDir) {
    if (!existsSync(path.join(dataDir, 'accounts.csv'))) throw new Error(`${dataDir} has no accounts.csv`);
    return dataDir;
  }
  const found = searchUpward(process.cwd()) ?? searchUpward(__dirname);
  if (!found) throw new Error(`Could not find ${relativeDataDir} above ${process.cwd()} or ${__dirname}; pass dataDir`);
  return found;
}
