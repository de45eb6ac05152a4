import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/core/parse-csv';

/** A CSV file as objects keyed by its header row; every row must have the header's width. */
export function readCsvRecords(file: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`${file}: row ${index + 2} has ${row.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, row[column] ?? '']));
  });
}
