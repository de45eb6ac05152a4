import { readFileSync } from 'node:fs';
import { definitionSchema, type Definition } from '../core/definition';
import { InputError } from './input-error';

/** A definition JSON file, validated: each problem is named with its path in the JSON. */
export function loadDefinitionFile(file: string): Definition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = definitionSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `  ${issue.path.join('.') || '(definition)'}: ${issue.message}`);
    throw new InputError(`${file} is not a valid definition:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
