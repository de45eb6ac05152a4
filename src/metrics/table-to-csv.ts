import { tableVersions, type DashboardTable } from './dashboard-table';
import { columnHeader, formatCellValue } from './format-cell-value';

/**
 * RFC 4180 CSV of a dashboard table (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break), with the definition versions behind each row's numbers in a last column, so the file explains itself.
 * Text that a spreadsheet would run as a formula (a source named "=HYPERLINK(…)") is prefixed with
 * an apostrophe: source and campaign names come from whoever filled in the form.
 */
export function tableToCsv(table: Pick<DashboardTable, 'columns' | 'rows'>): string {
  const header = [...table.columns.map((c) => columnHeader(c.label, c.format)), 'Definition versions'];
  const lines = [
    header,
    ...table.rows.map((row) => [...table.columns.map((c) => formatCellValue(row[c.key], c.format)), tableVersions([row]).join(' ')]),
  ];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
