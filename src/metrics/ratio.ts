/** part ÷ whole, or null when the whole is zero: a rate over nothing is unknown, not 0 %. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
