import type { Cell, ColumnFormat } from './dashboard-table';

const units: Partial<Record<ColumnFormat, string>> = { percent: '%', hours: 'h', days: 'd' };

/**
 * A cell as plain text, rounded as the page rounds it (percent and durations to one decimal, money to
 * cents), so an exported table reads the same numbers the page shows. A cell without a number gives
 * its note ("immature", "no outcome data yet"), never an empty zero.
 */
export function formatCellValue(cell: Cell | undefined, format: ColumnFormat): string {
  const value = cell?.value ?? null;
  if (value === null) return cell?.note ?? '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'percent':
      return (value * 100).toFixed(1);
    case 'hours':
    case 'days':
      return value.toFixed(1);
    case 'money':
      return value.toFixed(2);
    case 'count':
      return String(Math.round(value));
    case 'text':
      return String(value);
  }
}

/** The header of a column in an export: its label and, for rates and durations, the unit. */
export function columnHeader(label: string, format: ColumnFormat): string {
  const unit = units[format];
  return unit === undefined ? label : `${label} (${unit})`;
}
