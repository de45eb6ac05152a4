/**
 * One piece of a field's values. Bands of a feature are disjoint and, with the unknown band,
 * cover every value, so each lead falls in exactly one band per feature.
 */
export type Band =
  /** Numbers from `low` (inclusive) up to `high` (exclusive); null = unbounded. */
  | { type: 'range'; low: number | null; high: number | null }
  /** One category value (compared trimmed and case-insensitively, as predicates do). */
  | { type: 'value'; value: string }
  /** Any present value not among the feature's own value bands: the rare categories. */
  | { type: 'other' }
  | { type: 'missing' };

/** A field the learner uses, cut into bands. */
export interface Feature {
  /** Field path as predicates read it: a lead field or `raw.<column>`. */
  field: string;
  /** What people call it (the CSV column or the lead field). */
  name: string;
  kind: 'numeric' | 'category';
  bands: Band[];
}

/** The category values a feature names explicitly (what "other" leaves out). */
export function namedValues(feature: Feature): string[] {
  return feature.bands.flatMap((band) => (band.type === 'value' ? [band.value] : []));
}
