import { z } from 'zod';
import { isKnownFieldPath } from './read-lead-field';

/**
 * The criteria language: a predicate over lead fields (`title`, `employees`, `signals.demo_request`)
 * and raw CRM properties (`raw.<property>`). Data, never code: it is stored, diffed and shown to admins.
 */
export const comparisonOperators = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'contains_any_word',
  'starts_with',
  'ends_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'missing',
  'valid_email',
  'valid_phone',
  'business_email',
  // Additive: list membership against one of the definition's own lists (value = the list's name).
  // Country lists compare canonical countries ("USA" = "United States"); domain lists also match
  // subdomains and accept an email address. An empty list restricts nothing, so `not_in_list`
  // is false for it ("servedCountries: [] = every country is served").
  'in_list',
  'not_in_list',
  // Additive: a phone that is present but fake (fewer than 7 digits, one repeated digit,
  // 1234567…, 555-01xx).
  'placeholder_phone',
] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/** The definition's own lists a predicate may name with `in_list` / `not_in_list`. */
export const definitionListNames = ['freeMailDomains', 'competitorDomains', 'servedCountries'] as const;
export type DefinitionListName = (typeof definitionListNames)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const comparisonSchema = z
  .object({
    field: z.string().min(1).max(200),
    op: z.enum(comparisonOperators),
    value: z.union([scalar, z.array(scalar).max(2000)]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const needsList = c.op === 'in' || c.op === 'not_in' || c.op === 'contains_any_word';
    const needsPair = c.op === 'between';
    const needsNumber = c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte';
    const needsScalar =
      c.op === 'eq' || c.op === 'neq' || c.op === 'contains' || c.op === 'starts_with' || c.op === 'ends_with';
    if (needsList && !Array.isArray(c.value)) {
      ctx.addIssue({ code: 'custom', message: `operator "${c.op}" needs a list value` });
    }
    if (needsPair && !(Array.isArray(c.value) && c.value.length === 2 && c.value.every((v) => typeof v === 'number'))) {
      ctx.addIssue({ code: 'custom', message: 'operator "between" needs [min, max] numbers' });
    }
    if (needsNumber && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', message: `operator "${c.op}" needs a number value` });
    }
    if (needsScalar && (c.value === undefined || Array.isArray(c.value))) {
      ctx.addIssue({ code: 'custom', message: `operator "${c.op}" needs a single value` });
    }
    if (!isKnownFieldPath(c.field)) {
      ctx.addIssue({ code: 'custom', message: `unknown field "${c.field}": use a lead field, signals.<activity> or raw.<property>` });
    }
    const needsListName = c.op === 'in_list' || c.op === 'not_in_list';
    if (needsListName && !definitionListNames.some((name) => name === c.value)) {
      ctx.addIssue({ code: 'custom', message: `operator "${c.op}" needs a list name: ${definitionListNames.join(', ')}` });
    }
  });
export type Comparison = z.infer<typeof comparisonSchema>;

export type Predicate = Comparison | { all: Predicate[] } | { any: Predicate[] } | { not: Predicate };

export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.object({ all: z.array(predicateSchema).min(1).max(50) }).strict(),
    z.object({ any: z.array(predicateSchema).min(1).max(50) }).strict(),
    z.object({ not: predicateSchema }).strict(),
  ]),
);
