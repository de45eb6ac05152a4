/** How a column's numbers read: percent values are fractions (0.25 shows as 25.0 %). */
export type ColumnFormat = 'text' | 'count' | 'percent' | 'hours' | 'days' | 'money';

export interface TableColumn {
  key: string;
  label: string;
  format: ColumnFormat;
}

/**
 * One number (or label) and where it comes from: `drill` names the leads behind it, `versions` the
 * definition versions that decided them. A null value carries a `note` saying why there is no number
 * ("no outcome data yet", "immature"): missing data is never shown as zero.
 */
export interface Cell {
  value: number | string | null;
  drill?: string;
  versions?: number[];
  note?: string;
}

export type TableRow = Record<string, Cell>;

/** A table as the page renders it and the CSV export writes it: one model, so the two always agree. */
export interface DashboardTable {
  id: string;
  title: string;
  description: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Every definition version behind the table's numbers, ascending. */
  versions: number[];
  /** Shown above the table when part of it cannot be computed yet. */
  notice?: string;
}

export function textCell(value: string): Cell {
  return { value };
}

export function noteCell(note: string): Cell {
  return { value: null, note };
}

/** The union of the versions behind a table's cells. */
export function tableVersions(rows: readonly TableRow[]): number[] {
  const versions = new Set<number>();
  for (const row of rows) for (const cell of Object.values(row)) for (const v of cell.versions ?? []) versions.add(v);
  return [...versions].sort((a, b) => a - b);
}
