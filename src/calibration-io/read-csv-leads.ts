import { sortByTime } from '../core/calibration/split-by-time';
import type { Lead } from '../core/lead';
import { resolveColumns, type ColumnTarget } from './column-mapping';
import { mappingFrom, requireOption, type CsvCommandValues } from './csv-command-options';
import { columnIndex, csvOutcomeRows, type CsvOutcomeRow } from './csv-outcome-rows';
import { leadFromCsvRow } from './lead-from-csv-row';
import { readCsvTable, type CsvTable } from './read-csv-table';

export interface CsvLeads {
  table: CsvTable;
  columns: ColumnTarget[];
  /** Rows with outcomes (when `--label` is given), in time order when `--order` is given. */
  outcomes: CsvOutcomeRow[] | null;
  /** Every row's lead, in file order. */
  leads: Lead[];
}

/** Reads `--csv` with the mapping flags: leads for every row, and outcomes when there is a label. */
export function readCsvLeads(values: CsvCommandValues, labelRequired: boolean): CsvLeads {
  const file = requireOption(values.csv, '--csv', 'the CSV file of leads');
  if (labelRequired) requireOption(values.label, '--label', 'the column that says whether each lead converted');
  const mapped = mappingFrom(values);
  const table = readCsvTable(file);
  const columns = resolveColumns(table.header, mapped, file);
  if (values.label !== undefined) {
    const options = { columns, label: values.label, ...(values.order === undefined ? {} : { order: values.order }), ...(values.id === undefined ? {} : { id: values.id }) };
    const rows = csvOutcomeRows(table, options);
    return { table, columns, outcomes: values.order === undefined ? rows : sortByTime(rows), leads: rows.map((r) => r.lead) };
  }
  if (values.order !== undefined) columnIndex(table, values.order, '--order');
  const idIndex = values.id === undefined ? -1 : columnIndex(table, values.id, '--id');
  const leads = table.rows.map((row, index) => {
    const lead = leadFromCsvRow(row, columns, index + 2, file);
    if (idIndex >= 0 && (row[idIndex] ?? '').trim() !== '') lead.recordId = (row[idIndex] as string).trim();
    return lead;
  });
  return { table, columns, outcomes: null, leads };
}

/** The columns a definition may learn from: all but the label, the time order and the id. */
export function candidateColumns(columns: readonly ColumnTarget[], values: CsvCommandValues): Array<{ field: string; name: string }> {
  const reserved = new Set([values.label, values.order, values.id].filter((c): c is string => c !== undefined));
  return columns.filter((c) => !reserved.has(c.column)).map((c) => ({ field: c.field, name: c.column }));
}
