export interface ThresholdVolume {
  threshold: number;
  /** Leads scoring at or above the threshold, and their share of all leads. */
  leads: number;
  share: number;
  /** Conversion among them (precision); null when none. */
  conversion: number | null;
  /** Share of all conversions they hold (recall). */
  capture: number;
}

/** How many leads each threshold lets through, and how good they are: what moving a threshold costs. */
export function thresholdVolumes(scores: readonly number[], outcomes: readonly boolean[], thresholds: readonly number[]): ThresholdVolume[] {
  const totalConverted = outcomes.filter(Boolean).length;
  return [...new Set(thresholds)]
    .sort((a, b) => a - b)
    .map((threshold) => {
      let leads = 0;
      let converted = 0;
      scores.forEach((score, i) => {
        if (score < threshold) return;
        leads++;
        if (outcomes[i]) converted++;
      });
      return {
        threshold,
        leads,
        share: scores.length === 0 ? 0 : leads / scores.length,
        conversion: leads === 0 ? null : converted / leads,
        capture: totalConverted === 0 ? 0 : converted / totalConverted,
      };
    });
}
