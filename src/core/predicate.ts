import { z } from 'zod';

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
] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

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
