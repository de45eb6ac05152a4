import { compareOutcomeTimes } from './compare-outcome-times';
import type { OutcomeRow } from './outcome-row';

export interface TimeSplit<T extends OutcomeRow> {
  /** The older rows, to learn from. */
  train: T[];
  /** The newest `holdoutShare` of the rows, to judge on: the future a definition will face. */
  holdout: T[];
}

/** Sorts rows by `at` (stable: equal keys keep their input order) and keeps the newest share apart. */
export function splitByTime<T extends OutcomeRow>(rows: readonly T[], holdoutShare: number): TimeSplit<T> {
  const ordered = sortByTime(rows);
  const cut = Math.round(ordered.length * (1 - holdoutShare));
  return { train: ordered.slice(0, cut), holdout: ordered.slice(cut) };
}

export function sortByTime<T extends OutcomeRow>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compareOutcomeTimes(a.row.at, b.row.at) || a.index - b.index)
    .map(({ row }) => row);
}
