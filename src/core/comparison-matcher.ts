import { isValidEmail } from './email-address';
import { isPlaceholderPhone, isValidPhone } from './phone-number';
import { compilePhraseMatcher } from './phrase-matcher';
import type { Comparison, DefinitionListName } from './predicate';
import { listContains, type PredicateLists } from './predicate-lists';
import { isMissingValue, type FieldValue } from './read-lead-field';

/** Decides one comparison for a value that is present (never null or blank). */
type PresentValueTest = (value: string | number | boolean, lists: PredicateLists) => boolean;
export type ComparisonMatcher = (value: FieldValue, lists: PredicateLists) => boolean;

/**
 * The test for one comparison, with its word list indexed up front (callers cache it per
 * definition). A missing value satisfies nothing but `missing`: a lead must not earn points,
 * or be disqualified, on data it does not have.
 */
export function comparisonMatcher(comparison: Comparison): ComparisonMatcher {
  if (comparison.op === 'missing') return (value) => isMissingValue(value);
  const test = presentValueTest(comparison);
  return (value, lists) => !isMissingValue(value) && test(value as string | number | boolean, lists);
}

function presentValueTest({ op, value: expected }: Comparison): PresentValueTest {
  const list = Array.isArray(expected) ? expected : [];
  const single = Array.isArray(expected) ? undefined : expected;
  switch (op) {
    case 'eq':
      return equalityTest(single);
    case 'neq': {
      const eq = equalityTest(single);
      return (value) => !eq(value);
    }
    case 'in':
      return anyEqualTest(list);
    case 'not_in': {
      const anyEqual = anyEqualTest(list);
      return (value) => !anyEqual(value);
    }
    case 'contains': {
      const needle = textOf(single);
      return (value) => textOf(value).includes(needle);
    }
    case 'starts_with': {
      const prefix = textOf(single);
      return (value) => textOf(value).startsWith(prefix);
    }
    case 'ends_with': {
      const suffix = textOf(single);
      return (value) => textOf(value).endsWith(suffix);
    }
    case 'contains_any_word': {
      const matches = compilePhraseMatcher(list.map(String));
      return (value) => matches(String(value));
    }
    case 'gt':
      return numericTest((n) => n > Number(single));
    case 'gte':
      return numericTest((n) => n >= Number(single));
    case 'lt':
      return numericTest((n) => n < Number(single));
    case 'lte':
      return numericTest((n) => n <= Number(single));
    case 'between': {
      // Bounds inclusive; a reversed pair is read as the same range rather than silently matching nothing.
      const [a, b] = list.map(Number);
      const low = Math.min(a ?? NaN, b ?? NaN);
      const high = Math.max(a ?? NaN, b ?? NaN);
      return numericTest((n) => n >= low && n <= high);
    }
    case 'exists':
      return () => true;
    case 'missing':
      return () => false;
    case 'valid_email':
      return (value) => typeof value === 'string' && isValidEmail(value);
    case 'valid_phone':
      return (value) => typeof value !== 'boolean' && isValidPhone(String(value));
    case 'business_email':
      return (value, lists) =>
        typeof value === 'string' && isValidEmail(value) && !listContains(lists, 'freeMailDomains', value);
    case 'in_list':
      return (value, lists) => listHas(lists, single, value) === true;
    case 'not_in_list':
      return (value, lists) => listHas(lists, single, value) === false;
    case 'placeholder_phone':
      return (value) => typeof value !== 'boolean' && isPlaceholderPhone(String(value));
  }
}

/** Null when the list is empty: an empty list restricts nothing, so a value is neither in nor out of it. */
function listHas(lists: PredicateLists, name: unknown, value: string | number | boolean): boolean | null {
  const listName = name as DefinitionListName;
  if (lists[listName].size === 0) return null;
  return listContains(lists, listName, String(value));
}

function equalityTest(expected: string | number | boolean | undefined): (value: string | number | boolean) => boolean {
  if (typeof expected === 'number') return (value) => numberOf(value) === expected;
  if (typeof expected === 'boolean') return (value) => booleanOf(value) === expected;
  const wanted = textOf(expected);
  return (value) => textOf(value) === wanted;
}

function anyEqualTest(expected: readonly (string | number | boolean)[]): (value: string | number | boolean) => boolean {
  const tests = expected.map(equalityTest);
  return (value) => tests.some((test) => test(value));
}

function numericTest(holds: (n: number) => boolean): (value: string | number | boolean) => boolean {
  return (value) => {
    const n = numberOf(value);
    return n !== null && holds(n);
  };
}

/** Case-insensitive, trimmed: CRM text is typed by people. */
function textOf(value: string | number | boolean | undefined): string {
  return value === undefined ? '' : String(value).trim().toLowerCase();
}

/** Raw CRM properties arrive as strings, so "120" compares as the number 120. */
function numberOf(value: string | number | boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return null;
  const text = value.trim();
  const n = Number(text);
  return text === '' || !Number.isFinite(n) ? null : n;
}

const trueWords = new Set(['true', 'yes', 'y', '1']);
const falseWords = new Set(['false', 'no', 'n', '0']);

function booleanOf(value: string | number | boolean): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = textOf(value);
  if (trueWords.has(text)) return true;
  if (falseWords.has(text)) return false;
  return null;
}
