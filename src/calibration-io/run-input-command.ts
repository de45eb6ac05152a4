import { InputError } from './input-error';

/**
 * Runs a command, turning bad input (files, mappings, flags) into one "accord: …" line on stderr
 * and exit code 2, so scripts can tell a usage mistake (2) from a failure (1).
 */
export async function runInputCommand(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    // Node's own errors may come from another realm (test sandboxes), so no `instanceof Error` here.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
    if (error instanceof InputError || code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`accord: ${(error as { message: string }).message}\n`);
      return 2;
    }
    throw error;
  }
}
