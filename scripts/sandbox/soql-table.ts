export type SoqlFieldType = 'id' | 'string' | 'boolean' | 'int' | 'double' | 'datetime' | 'date';

/** One queryable object: its fields, its parent relationships and its rows (values keyed by field name). */
export interface SoqlTable {
  name: string;
  fields: ReadonlyArray<{ name: string; type: SoqlFieldType }>;
  /** Parent relationships (`UserRole` on User): the row holds the related row, or null, under the name. */
  relationships?: ReadonlyArray<{ name: string; table: SoqlTable }>;
  rows(): ReadonlyArray<Readonly<Record<string, unknown>>>;
}
