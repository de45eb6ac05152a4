import { createHash } from 'node:crypto';
import { accordFeedbackFields, leadFieldTypes, modificationFields, optionalActivityFields, standardLeadFields } from './salesforce-lead-fields';
import { salesforceFieldText } from './salesforce-field-text';

/**
 * The fields a decision depends on. Accord's outputs are left out, OwnerId too (Accord sets it when
 * routing), and so are the modification stamps every save changes: what is left changes only when
 * someone other than Accord changed something Accord reads.
 */
const digestFields: readonly string[] = [...Object.keys(standardLeadFields), ...Object.keys(accordFeedbackFields), ...Object.keys(optionalActivityFields)]
  .filter((name) => !modificationFields.has(name) && name !== 'OwnerId')
  .sort();

/**
 * A short digest of a Lead's input values, equal for a REST read and an outbound message of the same
 * record state: values are compared in canonical text (numbers as numbers, times as UTC instants,
 * text trimmed with its line endings unified, as XML unifies them). A field the source lacks is null.
 */
export function salesforceInputDigest(values: Readonly<Record<string, unknown>>): string {
  const canonical = digestFields.map((name) => {
    const text = salesforceFieldText(leadFieldTypes[name] ?? 'text', values[name]);
    return [name, text === null ? null : text.replace(/\r\n?/g, '\n').trim()];
  });
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}
