import type { SoqlFieldType } from './soql-table';

export type SalesforceFieldKind =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'int'
  | 'double'
  | 'currency'
  | 'boolean'
  | 'datetime'
  | 'reference';

/** One field of an sObject, as the describe call reports it and as writes are validated against it. */
export interface SalesforceFieldSpec {
  name: string;
  label: string;
  type: SalesforceFieldKind;
  length?: number;
  /** Digits before the decimal point allowed (precision − scale). */
  integerDigits?: number;
  picklistValues?: readonly string[];
  restrictedPicklist?: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  custom: boolean;
  referenceTo?: readonly string[];
}

/** How SOQL compares a field of this kind. */
export function soqlTypeOf(kind: SalesforceFieldKind): SoqlFieldType {
  switch (kind) {
    case 'id':
    case 'reference':
      return 'id';
    case 'int':
      return 'int';
    case 'double':
    case 'currency':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    default:
      return 'string';
  }
}
