import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import type { SalesforceFieldSpec } from './salesforce-field-spec';
import type { SalesforceRecordError } from './salesforce-record-error';

export type SalesforceStoredValue = string | number | boolean | null;

export interface ValueChecks {
  /** Field specs by lower-case name. */
  fields: ReadonlyMap<string, SalesforceFieldSpec>;
  /** 'active' | 'inactive' | 'unknown' for a user or queue id. */
  ownerStatus(id: string): 'active' | 'inactive' | 'unknown';
  object: string;
}

/**
 * Checks a write against the field specs the way Salesforce does and returns the values to store
 * (keyed by canonical field name), or every error found: unknown or read-only fields, required fields
 * cleared, too-long text, restricted picklist values, wrong types, numbers out of range, bad owners.
 */
export function normalizeSalesforceValues(
  input: Readonly<Record<string, unknown>>,
  checks: ValueChecks,
  mode: 'create' | 'update',
): { values: Record<string, SalesforceStoredValue>; errors: SalesforceRecordError[] } {
  const values: Record<string, SalesforceStoredValue> = {};
  const errors: SalesforceRecordError[] = [];
  const refuse = (statusCode: string, message: string, field: string) => errors.push({ statusCode, message, fields: [field] });
  for (const [written, raw] of Object.entries(input)) {
    if (written === 'attributes' || written === 'Id' || written === 'id') continue;
    const spec = checks.fields.get(written.toLowerCase());
    if (!spec) {
      refuse('INVALID_FIELD', `No such column '${written}' on sobject of type ${checks.object}`, written);
      continue;
    }
    const name = spec.name;
    if (!(mode === 'create' ? spec.createable : spec.updateable)) {
      refuse(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to ${mode} fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        name,
      );
      continue;
    }
    if (raw === null || raw === undefined || raw === '') {
      if (!spec.nillable && spec.type !== 'boolean') refuse('REQUIRED_FIELD_MISSING', `Required fields are missing: [${name}]`, name);
      else values[name] = spec.type === 'boolean' ? false : null;
      continue;
    }
    const value = coerce(spec, raw);
    if (value === undefined) {
      refuse('INVALID_TYPE_ON_FIELD_IN_RECORD', `${spec.label}: value not of required type: ${String(raw).slice(0, 80)}`, name);
      continue;
    }
    if (typeof value === 'string' && spec.length !== undefined && value.length > spec.length) {
      refuse('STRING_TOO_LONG', `${spec.label}: data value too large: ${value.slice(0, 40)}… (max length=${spec.length})`, name);
      continue;
    }
    if (typeof value === 'number' && spec.integerDigits !== undefined && Math.abs(value) >= 10 ** spec.integerDigits) {
      refuse('NUMBER_OUTSIDE_VALID_RANGE', `${spec.label}: value outside of valid range on numeric field: ${value}`, name);
      continue;
    }
    if (spec.type === 'picklist' && spec.restrictedPicklist && spec.picklistValues && !spec.picklistValues.includes(String(value))) {
      refuse('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${spec.label}: bad value for restricted picklist field: ${String(value).slice(0, 80)}`, name);
      continue;
    }
    if (spec.type === 'reference' && name === 'OwnerId') {
      const status = checks.ownerStatus(String(value));
      if (status === 'unknown') {
        refuse('INVALID_CROSS_REFERENCE_KEY', 'Owner ID: owner cannot be blank', name);
        continue;
      }
      if (status === 'inactive') {
        refuse('INACTIVE_OWNER_OR_USER', 'operation performed with inactive user as owner', name);
        continue;
      }
    }
    values[name] = value;
  }
  return { values, errors };
}

function coerce(spec: SalesforceFieldSpec, raw: unknown): SalesforceStoredValue | undefined {
  switch (spec.type) {
    case 'int':
    case 'double':
    case 'currency': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(number)) return undefined;
      return spec.type === 'int' ? Math.trunc(number) : number;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return undefined;
    case 'datetime': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
      const ms = typeof raw === 'number' ? raw : Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
    }
    case 'reference':
      return typeof raw === 'string' ? (toSalesforceId18(raw) ?? undefined) : undefined;
    default:
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  }
}
