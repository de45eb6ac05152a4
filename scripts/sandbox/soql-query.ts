/** A parsed SOQL query: the subset Accord and its tests send. */
export type SoqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: number; text: string }
  | { kind: 'date'; value: string };

export type SoqlComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SoqlCondition =
  | { kind: 'compare'; field: string[]; op: SoqlComparator; value: SoqlLiteral }
  | { kind: 'in'; field: string[]; negated: boolean; values: SoqlLiteral[] }
  | { kind: 'like'; field: string[]; pattern: string }
  | { kind: 'and' | 'or'; parts: SoqlCondition[] }
  | { kind: 'not'; part: SoqlCondition };

export interface SoqlOrder {
  field: string[];
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  /** Field paths as written: `Name`, `UserRole.Name`. */
  fields: string[][];
  object: string;
  where: SoqlCondition | null;
  orderBy: SoqlOrder[];
  limit: number | null;
}
