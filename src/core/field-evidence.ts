import { clip } from './clip';
import type { Lead } from './lead';
import type { Predicate } from './predicate';
import { predicateFields } from './predicate-fields';
import { fieldReader, type FieldReader, type FieldValue } from './read-lead-field';

const maxValueLength = 60;

export type EvidenceWriter = (lead: Lead) => string;

const writers = new WeakMap<Predicate, EvidenceWriter>();

/** The lead's values behind a predicate, in words: "title: VP Sales, employees: 120". */
export function fieldEvidence(predicate: Predicate, lead: Lead): string {
  return evidenceWriter(predicate)(lead);
}

/**
 * `fieldEvidence` for one predicate with its field paths resolved up front, cached per predicate:
 * decide() writes the evidence of every criterion for every lead.
 */
export function evidenceWriter(predicate: Predicate): EvidenceWriter {
  let write = writers.get(predicate);
  if (write === undefined) {
    write = buildWriter(predicateFields(predicate).map((field) => ({ label: `${field}: `, read: fieldReader(field) })));
    writers.set(predicate, write);
  }
  return write;
}

function buildWriter(parts: readonly { label: string; read: FieldReader }[]): EvidenceWriter {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return (lead) => only.label + displayValue(only.read(lead));
  return (lead) => parts.map((part) => part.label + displayValue(part.read(lead))).join(', ');
}

function displayValue(value: FieldValue): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return clip(String(value).trim(), maxValueLength);
}
