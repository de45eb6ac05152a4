import { restDatetime } from './evaluate-soql';
import type { SalesforceFieldSpec } from './salesforce-field-spec';
import type { SalesforceLeadRecord } from './salesforce-lead-store';

/** A lead as REST returns it: attributes first, every field (or the asked ones), datetimes with a compact offset. */
export function restLead(
  record: SalesforceLeadRecord,
  fields: ReadonlyMap<string, SalesforceFieldSpec>,
  version: string,
  only?: readonly string[],
): Record<string, unknown> {
  const specs = only ? only.map((name) => fields.get(name.toLowerCase())).filter((spec): spec is SalesforceFieldSpec => spec !== undefined) : [...fields.values()];
  const body: Record<string, unknown> = { attributes: { type: 'Lead', url: `/services/data/${version}/sobjects/Lead/${String(record.Id)}` } };
  for (const spec of specs) {
    const value = record[spec.name] ?? null;
    body[spec.name] = value !== null && spec.type === 'datetime' ? restDatetime(String(value)) : value;
  }
  return body;
}
