/**
 * Normalises an ISO time to `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * SQLite compares times as text, which only orders correctly when every value has the same shape:
 * "…00Z" sorts after "…00.500Z" although it is earlier.
 */
export function isoInstant(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what} is not an ISO time: "${value}"`);
  return new Date(time).toISOString();
}
