import type { Decision } from './decision';
import type { AccordFields } from './lead';

/** The values Accord writes on the CRM record for a decision. */
export function accordFieldsOf(decision: Decision): AccordFields {
  return {
    score: decision.score,
    stage: decision.stage,
    why: decision.why,
    definitionVersion: decision.definitionVersion,
    slaDueAt: decision.slaDueAt,
    ownerId: decision.ownerId,
    ...(decision.slaState === undefined ? {} : { slaState: decision.slaState }),
  };
}

/**
 * Only the fields whose value really differs from what the record holds, so an unchanged decision
 * costs no CRM write. Compared by meaning, as CRMs echo values back reformatted: numbers as
 * numbers ("70" = 70), times as instants ("…00Z" = "…00.000Z"), text trimmed with any line
 * endings, and an empty value equal to null.
 */
export function changedAccordFields(current: AccordFields, next: AccordFields): Partial<AccordFields> {
  const changed: Partial<AccordFields> = {};
  if (!sameNumber(current.score, next.score)) changed.score = next.score;
  if (!sameText(current.stage, next.stage)) changed.stage = next.stage;
  if (!sameText(current.why, next.why)) changed.why = next.why;
  if (!sameNumber(current.definitionVersion, next.definitionVersion)) changed.definitionVersion = next.definitionVersion;
  if (!sameInstant(current.slaDueAt, next.slaDueAt)) changed.slaDueAt = next.slaDueAt;
  if (!sameText(current.ownerId, next.ownerId)) changed.ownerId = next.ownerId;
  // Left out of `next`: whoever decided did not know the SLA state, so the record's stays as it is.
  if (next.slaState !== undefined && !sameText(current.slaState ?? null, next.slaState)) changed.slaState = next.slaState;
  return changed;
}

function sameNumber(a: number | string | null, b: number | string | null): boolean {
  const x = numberOrNull(a);
  const y = numberOrNull(b);
  return x === y;
}

function numberOrNull(value: number | string | null): number | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function sameText(a: string | null, b: string | null): boolean {
  return textOrNull(a) === textOrNull(b);
}

function textOrNull(value: string | null): string | null {
  const text = value?.replace(/\r\n?/g, '\n').trim() ?? '';
  return text === '' ? null : text;
}

function sameInstant(a: string | null, b: string | null): boolean {
  const x = textOrNull(a);
  const y = textOrNull(b);
  if (x === null || y === null) return x === y;
  const ms = [Date.parse(x), Date.parse(y)];
  // Unparseable text is compared as text, so garbage on the record is still overwritten.
  return Number.isFinite(ms[0]) && Number.isFinite(ms[1]) ? ms[0] === ms[1] : x === y;
}
