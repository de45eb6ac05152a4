export interface ReliabilityRow {
  /** Inclusive score range of the band, e.g. [20, 29]. */
  scores: [number, number];
  leads: number;
  /** Mean predicted probability of the band's leads; null when the band is empty. */
  predicted: number | null;
  /** Share of the band's leads that converted; null when the band is empty. */
  observed: number | null;
}

/** Score bands of ten (0–9 … 90–100) with predicted against observed conversion: does 70 mean 70? */
export function reliabilityTable(scores: readonly number[], probabilities: readonly number[], outcomes: readonly boolean[]): ReliabilityRow[] {
  const rows: ReliabilityRow[] = Array.from({ length: 10 }, (_, band) => ({
    scores: [band * 10, band === 9 ? 100 : band * 10 + 9],
    leads: 0,
    predicted: 0,
    observed: 0,
  }));
  scores.forEach((score, i) => {
    const row = rows[Math.min(9, Math.max(0, Math.floor(score / 10)))] as ReliabilityRow;
    row.leads++;
    row.predicted = (row.predicted ?? 0) + (probabilities[i] ?? 0);
    row.observed = (row.observed ?? 0) + (outcomes[i] ? 1 : 0);
  });
  for (const row of rows) {
    row.predicted = row.leads === 0 ? null : (row.predicted ?? 0) / row.leads;
    row.observed = row.leads === 0 ? null : (row.observed ?? 0) / row.leads;
  }
  return rows;
}
