import { csvOutcomeRows } from '../../src/calibration-io/csv-outcome-rows';
import { resolveColumns } from '../../src/calibration-io/column-mapping';
import { findSharedDataFile } from '../../src/calibration-io/find-shared-data-file';
import { readCsvTable } from '../../src/calibration-io/read-csv-table';
import { areaUnderCurve } from '../../src/core/calibration/area-under-curve';
import { bandIndex } from '../../src/core/calibration/band-index';
import { brierScore } from '../../src/core/calibration/brier-score';
import { evaluateDefinition } from '../../src/core/calibration/evaluate-definition';
import { expectedCalibrationError } from '../../src/core/calibration/expected-calibration-error';
import { fitCalibration } from '../../src/core/calibration/fit-calibration';
import { fitNaiveBayes, naiveBayesProbability } from '../../src/core/calibration/fit-naive-bayes';
import { learnDefinition } from '../../src/core/calibration/learn-definition';
import { prepareFeatures } from '../../src/core/calibration/prepare-features';
import { splitByTime } from '../../src/core/calibration/split-by-time';
import { compileDefinition } from '../../src/core/compile-definition';
import { defaultDefinition } from '../../src/core/default-definition';
import { scoreLead } from '../../src/core/score-lead';
import { interpolateCalibration } from '../../src/core/calibration/probability-of';
import { seededRandom } from '../../src/core/calibration/seeded-random';

export interface CalibrationFigure {
  model: string;
  auc: number;
  ece: number;
  brier: number;
  seconds: number;
}

/**
 * The X Education leads, split by Lead Number: learn on the older 75 %, judge on the newest 25 %.
 * Learned definition (pre-contact fields; the leakage guard decides which) against the default
 * definition (its score calibrated on the older rows) and an Odoo-style naive Bayes.
 */
export interface CalibrationBench {
  holdout: number;
  trainedOn: number;
  figures: CalibrationFigure[];
  /** Conversion rate of the older rows and of the holdout, and the learned definition's mean probability on the holdout. */
  trainRate: number;
  holdoutRate: number;
  meanProbability: number;
  /** The ECE a perfectly calibrated model would still show on this many leads: outcomes drawn from the learned probabilities. */
  eceNoiseFloor: number;
}

export function runCalibrationBench(file = findSharedDataFile('leads-x-education/train.csv')): CalibrationBench {
  if (file === null) throw new Error('shared/data/leads-x-education/train.csv not found above the working directory');
  const now = new Date('2026-01-01T00:00:00Z');
  const table = readCsvTable(file);
  const columns = resolveColumns(table.header, [], file);
  const rows = csvOutcomeRows(table, { columns, label: 'Converted', order: 'Lead Number', id: 'Prospect ID' });
  const { train, holdout } = splitByTime(rows, 0.25);
  const outcomes = holdout.map((r) => r.converted);
  const candidates = columns
    .filter((c) => !['Converted', 'Lead Number', 'Prospect ID'].includes(c.column))
    .map((c) => ({ field: c.field, name: c.column }));
  const figures: CalibrationFigure[] = [];

  let started = process.hrtime.bigint();
  const learned = learnDefinition(train, { current: defaultDefinition, candidates, now });
  const learnedEvaluation = evaluateDefinition(holdout, learned.definition, now);
  figures.push({ model: 'learned definition (additive, calibrated)', ...pick(learnedEvaluation), seconds: elapsed(started) });

  started = process.hrtime.bigint();
  const compiled = compileDefinition(defaultDefinition);
  const trainScores = train.map((r) => scoreLead(r.lead, defaultDefinition, compiled, now).score);
  const fallback = fitCalibration(trainScores, train.map((r) => r.converted), 'isotonic');
  figures.push({ model: 'default definition', ...pick(evaluateDefinition(holdout, defaultDefinition, now, fallback)), seconds: elapsed(started) });

  started = process.hrtime.bigint();
  const excluded = new Set(learned.leakage.filter((l) => l.excluded).map((l) => l.field));
  const all = [...train, ...holdout];
  const { features } = prepareFeatures(candidates.filter((c) => !excluded.has(c.field)), train.map((r) => r.lead), { maxBins: 10, minRows: 20 });
  const bands = features.map((f) => bandIndex(f, all.map((r) => r.lead)));
  const model = fitNaiveBayes(features.map((f) => f.bands.length), bands, train.map((_, i) => i), all.map((r) => r.converted));
  const nb = holdout.map((_, i) => naiveBayesProbability(model, bands, train.length + i));
  figures.push({ model: 'naive Bayes baseline', auc: areaUnderCurve(nb, outcomes), ece: expectedCalibrationError(nb, outcomes), brier: brierScore(nb, outcomes), seconds: elapsed(started) });
  const probabilities = learnedEvaluation.scores.map((score) => interpolateCalibration(learned.definition.calibration as NonNullable<typeof learned.definition.calibration>, score));
  return {
    holdout: holdout.length,
    trainedOn: train.length,
    figures,
    trainRate: train.filter((r) => r.converted).length / train.length,
    holdoutRate: outcomes.filter(Boolean).length / outcomes.length,
    meanProbability: learnedEvaluation.meanProbability,
    eceNoiseFloor: noiseFloor(probabilities),
  };
}

/** Mean ECE over 1,000 draws of outcomes from the probabilities themselves (seeded: the same every run). */
function noiseFloor(probabilities: readonly number[]): number {
  const random = seededRandom(11);
  let total = 0;
  for (let draw = 0; draw < 1000; draw++) total += expectedCalibrationError(probabilities, probabilities.map((p) => random() < p));
  return total / 1000;
}

function pick(e: { auc: number; ece: number; brier: number }) {
  return { auc: e.auc, ece: e.ece, brier: e.brier };
}

function elapsed(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

if (require.main === module) {
  const result = runCalibrationBench();
  process.stdout.write(`X Education leads: learned on the older ${result.trainedOn}, judged on the newest ${result.holdout} (by Lead Number)\n\n`);
  process.stdout.write('| model | AUC | ECE (10 bins) | Brier | runtime |\n|---|---|---|---|---|\n');
  for (const f of result.figures) {
    process.stdout.write(`| ${f.model} | ${f.auc.toFixed(3)} | ${f.ece.toFixed(3)} | ${f.brier.toFixed(3)} | ${f.seconds.toFixed(2)} s |\n`);
  }
  const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
  process.stdout.write(
    `\nConverted: ${percent(result.trainRate)} of the older rows, ${percent(result.holdoutRate)} of the holdout; learned mean probability ${percent(result.meanProbability)}.\n` +
      `ECE a perfectly calibrated model would still show on ${result.holdout} leads: ${result.eceNoiseFloor.toFixed(3)}.\n`,
  );
}
