export interface DecileLift {
  /** 1 = the tenth of leads with the highest scores. */
  decile: number;
  leads: number;
  minScore: number;
  conversion: number;
  /** Conversion of this decile over the overall conversion. */
  lift: number;
  /** Share of all conversions found in this decile and the ones above it. */
  cumulativeCapture: number;
}

/** Leads ranked by score (ties in input order), cut into ten equal groups, best first. */
export function liftByDecile(scores: readonly number[], outcomes: readonly boolean[]): DecileLift[] {
  const n = scores.length;
  const totalConverted = outcomes.filter(Boolean).length;
  if (n === 0) return [];
  const overall = totalConverted / n;
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const deciles: DecileLift[] = [];
  let captured = 0;
  for (let d = 0; d < 10; d++) {
    const slice = order.slice(Math.round((d * n) / 10), Math.round(((d + 1) * n) / 10));
    if (slice.length === 0) continue;
    const converted = slice.filter((i) => outcomes[i]).length;
    captured += converted;
    const conversion = converted / slice.length;
    deciles.push({
      decile: d + 1,
      leads: slice.length,
      minScore: Math.min(...slice.map((i) => scores[i] as number)),
      conversion,
      lift: overall === 0 ? 0 : conversion / overall,
      cumulativeCapture: totalConverted === 0 ? 0 : captured / totalConverted,
    });
  }
  return deciles;
}
