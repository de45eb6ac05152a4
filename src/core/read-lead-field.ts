import { emailDomainOf } from './email-address';
import { activityKinds, type ActivityKind, type Lead } from './lead';

export type FieldValue = string | number | boolean | null;
export type FieldReader = (lead: Lead) => FieldValue;

/** Lead properties a predicate may name directly; anything else is `signals.<kind>` or `raw.<name>`. */
export const leadFieldNames = [
  'crm', 'tenantId', 'recordId', 'email', 'firstName', 'lastName', 'title', 'company', 'domain', 'industry',
  'employees', 'annualRevenue', 'country', 'state', 'phone', 'source', 'campaign', 'status', 'ownerId',
  'doNotContact', 'createdAt', 'rejectionReason', 'rejectionNote',
] as const satisfies readonly (keyof Lead)[];
type LeadFieldName = (typeof leadFieldNames)[number];

const directFields: ReadonlySet<string> = new Set(leadFieldNames);
const activityKindSet: ReadonlySet<string> = new Set(activityKinds);

/**
 * Reads one value a predicate refers to: a lead property by name, `signals.<activity kind>` (the
 * count, 0 when never seen) or `raw.<CRM property>`. Unknown paths read as null (missing).
 */
export function readLeadField(lead: Lead, path: string): FieldValue {
  let read = readers.get(path);
  if (read === undefined) {
    read = fieldReader(path);
    readers.set(path, read);
  }
  return read(lead);
}

// Keyed by path; paths come from definitions, so this stays as small as the criteria language in use.
const readers = new Map<string, FieldReader>();

/** The reader for one path, resolved once so predicates compiled per definition skip the parsing. */
export function fieldReader(path: string): FieldReader {
  // The adapter derives the domain; fall back to the email so a missed derivation cannot hide free mail.
  if (path === 'domain') return (lead) => lead.domain ?? (lead.email === null ? null : emailDomainOf(lead.email));
  if (directFields.has(path)) return (lead) => lead[path as LeadFieldName];
  if (path.startsWith('signals.')) {
    const kind = path.slice('signals.'.length);
    return activityKindSet.has(kind) ? (lead) => activityCount(lead, kind as ActivityKind) : () => null;
  }
  if (path.startsWith('raw.')) {
    const name = path.slice('raw.'.length);
    return (lead) => lead.raw[name] ?? null;
  }
  return () => null;
}

/** True when a path names something readLeadField knows, so admins get an error instead of a silent null. */
export function isKnownFieldPath(path: string): boolean {
  if (directFields.has(path)) return true;
  if (path.startsWith('signals.')) return activityKindSet.has(path.slice('signals.'.length));
  return path.startsWith('raw.') && path.length > 'raw.'.length;
}

/** Null, or a string that is blank once trimmed. */
export function isMissingValue(value: FieldValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function activityCount(lead: Lead, kind: ActivityKind): number {
  let count = 0;
  for (const signal of lead.activity) if (signal.kind === kind && signal.count > 0) count += signal.count;
  return count;
}
