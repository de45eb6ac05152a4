import type { OutcomeRow } from '../core/calibration/outcome-row';
import type { ColumnTarget } from './column-mapping';
import { InputError } from './input-error';
import type { CsvTable } from './read-csv-table';
import { leadFromCsvRow } from './lead-from-csv-row';
import { parseOutcomeLabel } from './parse-outcome-label';

export interface CsvOutcomeOptions {
  columns: readonly ColumnTarget[];
  /** The outcome column (1/0, yes/no, true/false, won/lost). */
  label: string;
  /** The column that orders leads in time (a lead number, a created date); default: file order. */
  order?: string;
  /** The column holding record ids; default: the row number. */
  id?: string;
}

/** A CSV row as an outcome, with the CSV row it came from (to write scores back next to it). */
export interface CsvOutcomeRow extends OutcomeRow {
  rowNumber: number;
}

/** Outcome rows from a CSV table: the CSV outcome source the calibration learns from. */
export function csvOutcomeRows(table: CsvTable, options: CsvOutcomeOptions): CsvOutcomeRow[] {
  const labelIndex = columnIndex(table, options.label, '--label');
  const orderIndex = options.order === undefined ? -1 : columnIndex(table, options.order, '--order');
  const idIndex = options.id === undefined ? -1 : columnIndex(table, options.id, '--id');
  const width = String(table.rows.length + 1).length;
  return table.rows.map((row, index) => {
    const rowNumber = index + 2;
    const converted = parseOutcomeLabel(row[labelIndex] ?? '');
    if (converted === null) {
      throw new InputError(`${table.file} row ${rowNumber}, column "${options.label}": "${row[labelIndex] ?? ''}" is not an outcome (use 1/0, yes/no, true/false or won/lost)`);
    }
    const at = orderIndex < 0 ? String(rowNumber).padStart(width, '0') : (row[orderIndex] ?? '').trim();
    if (at === '') throw new InputError(`${table.file} row ${rowNumber}, column "${options.order ?? ''}": empty, so the row cannot be put in time order`);
    const lead = leadFromCsvRow(row, options.columns, rowNumber, table.file);
    if (idIndex >= 0 && (row[idIndex] ?? '').trim() !== '') lead.recordId = (row[idIndex] as string).trim();
    return { lead, converted, at, rowNumber };
  });
}

export function columnIndex(table: CsvTable, column: string, option: string): number {
  const index = table.header.indexOf(column);
  if (index < 0) throw new InputError(`${option} "${column}": ${table.file} has no such column (its columns: ${table.header.join(', ')})`);
  return index;
}
