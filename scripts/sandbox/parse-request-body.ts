import type { z } from 'zod';
import { validationError } from './hubspot-api-error';

/** Validates a JSON body; a bad shape is HubSpot's 400 VALIDATION_ERROR naming the offending fields. */
export function parseRequestBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw validationError(`Invalid input JSON: ${problems.join('; ')}`, {
    errors: parsed.error.issues.map((issue) => ({ message: issue.message, code: issue.code, context: { field: [issue.path.join('.')] } })),
  });
}
