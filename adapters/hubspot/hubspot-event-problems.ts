import { maxEpochMs } from './hubspot-webhook-event';

/**
 * The rules of `hubspot-webhook-event.ts`'s zod schemas, checked by hand: the webhook path checks up
 * to 100 events per request, and zod's generic walk cost more than the rest of normalising. The
 * messages are zod's, word for word ("objectId must be a number"); a property test holds the two
 * to the same answers.
 */
type Rule = (value: unknown) => string | null;

const requiredNumber: Rule = (value) => (value === undefined ? 'is required' : typeof value === 'number' ? null : 'must be a number');
const requiredString: Rule = (value) => (value === undefined ? 'is required' : typeof value === 'string' ? null : 'must be a string');
const optionalString: Rule = (value) => (value === undefined || typeof value === 'string' ? null : 'must be a string');
const epochMs: Rule = (value) =>
  requiredNumber(value) ?? (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= maxEpochMs ? null : 'must be epoch milliseconds');

const envelopeRules: ReadonlyArray<readonly [string, Rule]> = [
  ['eventId', requiredNumber],
  ['subscriptionId', requiredNumber],
  ['portalId', requiredNumber],
  ['appId', requiredNumber],
  ['occurredAt', epochMs],
  ['subscriptionType', requiredString],
  ['attemptNumber', requiredNumber],
];

const contactRules: ReadonlyArray<readonly [string, Rule]> = [
  ['objectId', requiredNumber],
  ['propertyName', optionalString],
  ['propertyValue', (value) => (value === null ? null : optionalString(value))],
  ['changeSource', optionalString],
  ['sourceId', (value) => (typeof value === 'number' ? null : optionalString(value))],
  ['changeFlag', optionalString],
];

/** What is wrong with the fields every webhook event carries, in zod's words; empty when nothing is. */
export function envelopeProblems(item: Readonly<Record<string, unknown>>): string[] {
  return problems(item, envelopeRules);
}

/** What is wrong with a contact event's own fields (call after `envelopeProblems` found nothing). */
export function contactEventProblems(item: Readonly<Record<string, unknown>>): string[] {
  return problems(item, contactRules);
}

function problems(item: Readonly<Record<string, unknown>>, rules: ReadonlyArray<readonly [string, Rule]>): string[] {
  const found: string[] = [];
  for (const [field, rule] of rules) {
    const problem = rule(item[field]);
    if (problem !== null) found.push(`${field} ${problem}`);
  }
  return found;
}
