/** A SOQL string literal: backslashes and quotes escaped, so a value can never end the literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A SOQL dateTime literal (unquoted, UTC, whole seconds as SOQL's documented formats have them). */
export function soqlDatetime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${JSON.stringify(iso)}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}
