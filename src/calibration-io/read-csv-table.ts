import { readFileSync } from 'node:fs';
import { parseCsv } from '../core/parse-csv';
import { InputError } from './input-error';

/** A CSV file: its header and its data rows, all as wide as the header. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

/**
 * Reads and parses a CSV file. Rows are numbered as a spreadsheet shows them (the header is
 * row 1), so "row 18" in a message is row 18 when the file is opened in a spreadsheet.
 */
export function readCsvTable(file: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseCsvTable(text, file);
}

export function parseCsvTable(text: string, file: string): CsvTable {
  let parsed: string[][];
  try {
    parsed = parseCsv(text);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
  const [header, ...rows] = parsed;
  if (header === undefined || header.every((name) => name.trim() === '')) throw new InputError(`${file}: no header row`);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new InputError(`${file}: the header names column "${name}" twice`);
    seen.add(name);
  }
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new InputError(`${file} row ${index + 2}: ${row.length} fields where the header has ${header.length}`);
    }
  });
  return { file, header, rows };
}
