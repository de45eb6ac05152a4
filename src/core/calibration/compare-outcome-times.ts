/**
 * Orders two `at` keys: numerically when both are numbers (lead numbers, epoch seconds),
 * otherwise as text, which sorts ISO times correctly.
 */
export function compareOutcomeTimes(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
