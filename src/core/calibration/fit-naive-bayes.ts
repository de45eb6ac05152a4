/** A naive Bayes model over banded features: per class, how often each band occurs. */
export interface NaiveBayesModel {
  logPrior: [number, number];
  /** `logLikelihood[f][band]`: [log P(band | not converted), log P(band | converted)]. */
  logLikelihood: Array<Array<[number, number]>>;
}

/**
 * Odoo-style naive Bayes (frequency tables with a small pseudo-count): the baseline the benchmark
 * compares with. It ranks well but double-counts correlated fields, so its probabilities are off.
 */
export function fitNaiveBayes(bandCounts: readonly number[], bands: readonly Int16Array[], rows: readonly number[], outcomes: readonly boolean[], pseudoCount = 0.1): NaiveBayesModel {
  const classTotals: [number, number] = [0, 0];
  for (const row of rows) classTotals[outcomes[row] ? 1 : 0]++;
  const logLikelihood = bands.map((index, f) => {
    const k = bandCounts[f] as number;
    const counts = Array.from({ length: k }, (): [number, number] => [0, 0]);
    for (const row of rows) {
      const band = index[row] as number;
      if (band >= 0) (counts[band] as [number, number])[outcomes[row] ? 1 : 0]++;
    }
    return counts.map(([no, yes]): [number, number] => [
      Math.log((no + pseudoCount) / (classTotals[0] + pseudoCount * k)),
      Math.log((yes + pseudoCount) / (classTotals[1] + pseudoCount * k)),
    ]);
  });
  const n = classTotals[0] + classTotals[1];
  return { logPrior: [Math.log(classTotals[0] / n), Math.log(classTotals[1] / n)], logLikelihood };
}

/** P(converted) for one row under the model. */
export function naiveBayesProbability(model: NaiveBayesModel, bands: readonly Int16Array[], row: number): number {
  let no = model.logPrior[0];
  let yes = model.logPrior[1];
  model.logLikelihood.forEach((table, f) => {
    const band = (bands[f] as Int16Array)[row] as number;
    const entry = band >= 0 ? table[band] : undefined;
    if (entry === undefined) return;
    no += entry[0];
    yes += entry[1];
  });
  return 1 / (1 + Math.exp(no - yes));
}
