import { readFileSync } from 'node:fs';
import type { ColumnTarget } from './column-mapping';
import { parseMapEntries, parseMappingJson } from './column-mapping';
import { InputError } from './input-error';

/** The `parseArgs` options every CSV-reading command shares. */
export const csvCommandOptions = {
  csv: { type: 'string' },
  label: { type: 'string' },
  map: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  order: { type: 'string' },
  id: { type: 'string' },
} as const;

export interface CsvCommandValues {
  csv?: string;
  label?: string;
  map?: string[];
  mapping?: string;
  order?: string;
  id?: string;
}

/** The column mapping from `--mapping FILE` and `--map` entries (the entries win on a clash). */
export function mappingFrom(values: CsvCommandValues): ColumnTarget[] {
  const fromFile = values.mapping === undefined ? [] : parseMappingJson(readText(values.mapping), values.mapping);
  const fromFlags = parseMapEntries(values.map ?? []);
  const flagged = new Set(fromFlags.map((t) => t.column));
  return [...fromFile.filter((t) => !flagged.has(t.column)), ...fromFlags];
}

export function requireOption(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new InputError(`${flag} is required: ${what}`);
  return value;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
