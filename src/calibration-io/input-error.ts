/**
 * Bad input: a CSV, a column mapping or a definition file. The message names the file, row and
 * column where it can; the commands print it and exit with code 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
