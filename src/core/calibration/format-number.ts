/** A cut point as people write it: "120", "2.5", "1,200". */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
