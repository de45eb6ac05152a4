/** A list query parameter as the SDK sends it (repeated) or people type it (comma-separated). */
export function queryList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return parts
    .flatMap((part) => String(part).split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function queryFlag(value: unknown): boolean {
  return value === 'true' || value === true;
}

export function queryString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
