import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { SoqlError } from './soql-error';
import type { SoqlCondition, SoqlLiteral, SoqlQuery } from './soql-query';
import type { SoqlFieldType, SoqlTable } from './soql-table';

interface ResolvedField {
  /** Canonical names along the path (`UserRole`, `Name`). */
  path: string[];
  type: SoqlFieldType;
}

type Row = Readonly<Record<string, unknown>>;

/** REST writes datetimes with a compact offset. */
export function restDatetime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace('Z', '+0000');
}

/** Runs a parsed query against the tables: fields checked, rows filtered, sorted, limited and shaped as REST returns them. */
export function evaluateSoql(
  query: SoqlQuery,
  tables: ReadonlyMap<string, SoqlTable>,
  urlOf: (table: string, id: string) => string,
): { table: SoqlTable; records: Array<Record<string, unknown>> } {
  const table = tables.get(query.object.toLowerCase());
  if (!table) throw new SoqlError('INVALID_TYPE', `sObject type '${query.object}' is not supported.`);
  const fields = query.fields.map((path) => resolve(table, path));
  const where = query.where;
  let rows = table.rows().filter((row) => where === null || matches(where, row, table));
  const orders = query.orderBy.map((order) => ({ ...order, resolved: resolve(table, order.field) }));
  rows = [...rows].sort((a, b) => {
    for (const order of orders) {
      const result = compareForSort(valueAt(a, order.resolved.path), valueAt(b, order.resolved.path), order.resolved.type, order.nullsLast, order.descending);
      if (result !== 0) return result;
    }
    return 0;
  });
  if (query.limit !== null) rows = rows.slice(0, query.limit);
  return { table, records: rows.map((row) => shape(table, row, fields, urlOf)) };
}

function resolve(table: SoqlTable, path: readonly string[]): ResolvedField {
  const [first, ...rest] = path;
  if (first === undefined) throw new SoqlError('MALFORMED_QUERY', 'empty field name');
  if (rest.length === 0) {
    const field = table.fields.find((f) => f.name.toLowerCase() === first.toLowerCase());
    if (!field) {
      throw new SoqlError(
        'INVALID_FIELD',
        `No such column '${first}' on entity '${table.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return { path: [field.name], type: field.type };
  }
  const relationship = table.relationships?.find((r) => r.name.toLowerCase() === first.toLowerCase());
  if (!relationship) throw new SoqlError('INVALID_FIELD', `Didn't understand relationship '${first}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`);
  const inner = resolve(relationship.table, rest);
  return { path: [relationship.name, ...inner.path], type: inner.type };
}

function valueAt(row: Row, path: readonly string[]): unknown {
  let current: unknown = row;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? null;
}

function matches(condition: SoqlCondition, row: Row, table: SoqlTable): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.parts.every((part) => matches(part, row, table));
    case 'or':
      return condition.parts.some((part) => matches(part, row, table));
    case 'not':
      return !matches(condition.part, row, table);
    case 'like': {
      const field = resolve(table, condition.field);
      const value = valueAt(row, field.path);
      if (typeof value !== 'string') return false;
      const pattern = condition.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
      return new RegExp(`^${pattern}$`, 'is').test(value);
    }
    case 'in': {
      const field = resolve(table, condition.field);
      const value = normalizeValue(valueAt(row, field.path), field.type);
      const found = condition.values.some((literal) => compare(value, literalValue(literal, field, condition.field)) === 0);
      return condition.negated ? !found && value !== null : found;
    }
    case 'compare': {
      const field = resolve(table, condition.field);
      const value = valueAt(row, field.path);
      const wanted = literalValue(condition.value, field, condition.field);
      if (wanted === null || value === null) {
        if (condition.op === '=') return wanted === value;
        if (condition.op === '!=') return wanted !== value;
        return false;
      }
      const order = compare(normalizeValue(value, field.type), wanted);
      switch (condition.op) {
        case '=':
          return order === 0;
        case '!=':
          return order !== 0;
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '>=':
          return order >= 0;
      }
    }
  }
}

/** A literal as a comparable value of the field's type; Salesforce refuses literals of the wrong type. */
function literalValue(literal: SoqlLiteral, field: ResolvedField, written: readonly string[]): unknown {
  const name = written.join('.');
  if (literal.kind === 'null') return null;
  const refuse = (type: string, quoted: boolean): never => {
    throw new SoqlError('MALFORMED_QUERY', `value of filter criterion for field '${name}' must be of type ${type}${quoted ? '' : ' and should not be enclosed in quotes'}`);
  };
  switch (field.type) {
    case 'datetime':
      return literal.kind === 'datetime' ? literal.value : refuse('dateTime', false);
    case 'date':
      return literal.kind === 'date' ? literal.value : refuse('date', false);
    case 'boolean':
      return literal.kind === 'boolean' ? literal.value : refuse('boolean', false);
    case 'int':
    case 'double':
      return literal.kind === 'number' ? literal.value : refuse('double', false);
    case 'id':
      if (literal.kind !== 'string') return refuse('id', true);
      // Salesforce takes 15- or 18-character ids in filters; anything else is refused.
      return toSalesforceId18(literal.value) ?? refuse(`id (invalid ID field: ${literal.value})`, true);
    case 'string':
      return literal.kind === 'string' ? literal.value.toLowerCase() : refuse('string', true);
  }
}

function normalizeValue(value: unknown, type: SoqlFieldType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return Date.parse(String(value));
  if (type === 'id') return toSalesforceId18(String(value)) ?? String(value);
  if (type === 'string') return String(value).toLowerCase();
  return value;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Nulls go first or last whatever the direction; only non-null values flip with DESC. */
function compareForSort(a: unknown, b: unknown, type: SoqlFieldType, nullsLast: boolean, descending: boolean): number {
  const x = normalizeValue(a, type);
  const y = normalizeValue(b, type);
  if (x === null || y === null) return x === y ? 0 : (x === null) === nullsLast ? 1 : -1;
  return descending ? -compare(x, y) : compare(x, y);
}

function shape(table: SoqlTable, row: Row, fields: readonly ResolvedField[], urlOf: (table: string, id: string) => string): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: { type: table.name, url: urlOf(table.name, String(row.Id ?? '')) } };
  for (const field of fields) {
    const [head, ...rest] = field.path;
    if (head === undefined) continue;
    if (rest.length === 0) {
      record[head] = output(row[head], field.type);
      continue;
    }
    const relationship = table.relationships?.find((r) => r.name === head);
    const related = row[head] as Row | null | undefined;
    if (!relationship || related === null || related === undefined) {
      record[head] = null;
      continue;
    }
    const nested = (record[head] ?? { attributes: { type: relationship.table.name, url: urlOf(relationship.table.name, String(related.Id ?? '')) } }) as Record<string, unknown>;
    Object.assign(nested, shape(relationship.table, related, [{ path: rest, type: field.type }], urlOf));
    nested.attributes = { type: relationship.table.name, url: urlOf(relationship.table.name, String(related.Id ?? '')) };
    record[head] = nested;
  }
  return record;
}

function output(value: unknown, type: SoqlFieldType): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'datetime') return restDatetime(String(value));
  return value;
}
