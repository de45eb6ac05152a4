import { activityKinds } from '../core/lead';
import { leadFieldNames } from '../core/read-lead-field';
import { InputError } from './input-error';

export type ColumnType = 'text' | 'number' | 'boolean';

/** A CSV column and the lead field (or raw property, or signal count) it fills. */
export interface ColumnTarget {
  column: string;
  /** A lead field (`source`), `raw.<property>` or `signals.<activity>`. */
  field: string;
  type: ColumnType;
}

const numberFields: ReadonlySet<string> = new Set(['employees', 'annualRevenue']);
const booleanFields: ReadonlySet<string> = new Set(['doNotContact']);
// Set by the CSV reader itself, or Accord's own output: never filled from a column.
const reservedFields: ReadonlySet<string> = new Set(['crm', 'tenantId']);
const activitySet: ReadonlySet<string> = new Set(activityKinds);

/**
 * Parses `--map` entries ("Lead Source=source", "TotalVisits=raw.TotalVisits:number"): the column
 * before the last "=", the field after it, and an optional ":number" / ":boolean" / ":text" type.
 */
export function parseMapEntries(entries: readonly string[]): ColumnTarget[] {
  return entries.map((entry) => {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) {
      throw new InputError(`--map "${entry}": write it as COLUMN=FIELD, e.g. "Lead Source=source" or "TotalVisits=raw.TotalVisits:number"`);
    }
    return columnTarget(entry.slice(0, at), entry.slice(at + 1), `--map "${entry}"`);
  });
}

/**
 * A mapping file: a JSON object from column to field, the field written as in `--map`
 * ("raw.TotalVisits:number") or as { "field": "raw.TotalVisits", "type": "number" }.
 */
export function parseMappingJson(text: string, file: string): ColumnTarget[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(`${file}: expected an object from CSV column to lead field, e.g. {"Lead Source": "source"}`);
  }
  return Object.entries(parsed as Record<string, unknown>).map(([column, target]) => {
    if (typeof target === 'string') return columnTarget(column, target, `${file} "${column}"`);
    if (target !== null && typeof target === 'object' && typeof (target as { field?: unknown }).field === 'string') {
      const { field, type } = target as { field: string; type?: unknown };
      return columnTarget(column, type === undefined ? field : `${field}:${String(type)}`, `${file} "${column}"`);
    }
    throw new InputError(`${file} "${column}": map a column to a field name, or to {"field": ..., "type": "number"}`);
  });
}

function columnTarget(column: string, target: string, where: string): ColumnTarget {
  const typed = /^(.*):(number|boolean|text)$/.exec(target.trim());
  const field = (typed?.[1] ?? target).trim();
  const explicit = typed?.[2] as ColumnType | undefined;
  const known =
    (leadFieldNames as readonly string[]).includes(field) ||
    (field.startsWith('raw.') && field.length > 4) ||
    (field.startsWith('signals.') && activitySet.has(field.slice('signals.'.length)));
  if (!known || reservedFields.has(field)) {
    throw new InputError(
      `${where}: unknown field "${field}"; use a lead field (${leadFieldNames.filter((f) => !reservedFields.has(f)).join(', ')}), raw.<property> or signals.<${activityKinds.join('|')}>`,
    );
  }
  const implied: ColumnType = numberFields.has(field) || field.startsWith('signals.') ? 'number' : booleanFields.has(field) ? 'boolean' : 'text';
  if (explicit !== undefined && implied !== 'text' && explicit !== implied) {
    throw new InputError(`${where}: ${field} holds a ${implied}, not a ${explicit}`);
  }
  return { column, field, type: explicit ?? implied };
}

/**
 * Every column's target for this header: the mapped ones as mapped, the rest as `raw.<column>`.
 * A mapping that names a column the CSV does not have is an error, not a silent miss.
 */
export function resolveColumns(header: readonly string[], mapped: readonly ColumnTarget[], file: string): ColumnTarget[] {
  const byColumn = new Map<string, ColumnTarget>();
  for (const target of mapped) {
    if (!header.includes(target.column)) {
      throw new InputError(`the mapping names column "${target.column}", which ${file} does not have (its columns: ${header.join(', ')})`);
    }
    byColumn.set(target.column, target);
  }
  const fields = new Map<string, string>();
  return header.map((column) => {
    const target = byColumn.get(column) ?? { column, field: `raw.${column}`, type: 'text' as const };
    const clash = fields.get(target.field);
    if (clash !== undefined) throw new InputError(`columns "${clash}" and "${column}" both map to ${target.field}`);
    fields.set(target.field, column);
    return target;
  });
}
