import type { z } from 'zod';
import { ApiError } from './api-error';

export type Issue = { path: Array<string | number>; message: string };

export function issuesOf(error: z.ZodError, prefix: Array<string | number> = []): Issue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
    message: issue.message,
  }));
}

/** Validates a JSON body; a mismatch is the endpoint's own 422 code with zod's issues. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, code: string, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(422, code, `the ${what} is not valid`, { issues: issuesOf(parsed.error) });
  return parsed.data;
}
