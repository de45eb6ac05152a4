import { emailDomainOf } from '../core/email-address';
import { emptyAccordFields, type ActivityKind, type Lead } from '../core/lead';
import type { ColumnTarget } from './column-mapping';
import { InputError } from './input-error';

const trueWords = new Set(['true', 'yes', 'y', '1']);
const falseWords = new Set(['false', 'no', 'n', '0']);

/**
 * A lead from one CSV row: mapped columns fill lead fields, the rest land in `raw`. Blank cells are
 * unknown (null). `rowNumber` is the spreadsheet row, for messages.
 */
export function leadFromCsvRow(row: readonly string[], columns: readonly ColumnTarget[], rowNumber: number, file: string): Lead {
  const lead: Lead = {
    crm: 'hubspot',
    tenantId: 'csv',
    recordId: String(rowNumber),
    email: null,
    firstName: null,
    lastName: null,
    title: null,
    company: null,
    domain: null,
    industry: null,
    employees: null,
    annualRevenue: null,
    country: null,
    state: null,
    phone: null,
    source: null,
    campaign: null,
    status: null,
    ownerId: null,
    doNotContact: false,
    createdAt: null,
    activity: [],
    rejectionReason: null,
    rejectionNote: null,
    accord: emptyAccordFields,
    raw: {},
  };
  const fields = lead as unknown as Record<string, unknown>;
  columns.forEach((target, index) => {
    const text = (row[index] ?? '').trim();
    const value = text === '' ? null : text;
    const where = () => `${file} row ${rowNumber}, column "${target.column}"`;
    if (target.field.startsWith('raw.')) {
      if (target.type === 'number' && value !== null && !Number.isFinite(Number(value))) {
        throw new InputError(`${where()}: "${clipped(value)}" is not a number`);
      }
      lead.raw[target.field.slice(4)] = value;
    } else if (target.field.startsWith('signals.')) {
      const count = value === null ? 0 : Number(value);
      if (!Number.isFinite(count) || count < 0) throw new InputError(`${where()}: "${clipped(value ?? '')}" is not a count`);
      if (count > 0) lead.activity.push({ kind: target.field.slice(8) as ActivityKind, count, lastAt: null });
    } else if (target.type === 'number') {
      const n = value === null ? null : Number(value.replace(/,/g, ''));
      if (n !== null && !Number.isFinite(n)) throw new InputError(`${where()}: "${clipped(value ?? '')}" is not a number`);
      fields[target.field] = n;
    } else if (target.type === 'boolean') {
      const word = value?.toLowerCase() ?? null;
      if (word !== null && !trueWords.has(word) && !falseWords.has(word)) {
        throw new InputError(`${where()}: "${clipped(value ?? '')}" is not yes/no`);
      }
      fields[target.field] = word !== null && trueWords.has(word);
    } else {
      fields[target.field] = value;
    }
  });
  if (lead.domain === null && lead.email !== null) lead.domain = emailDomainOf(lead.email);
  return lead;
}

function clipped(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
