import { compileDefinition } from '../compile-definition';
import type { Calibration, Definition } from '../definition';
import { scoreLead } from '../score-lead';
import { areaUnderCurve } from './area-under-curve';
import { brierScore } from './brier-score';
import { expectedCalibrationError } from './expected-calibration-error';
import { liftByDecile, type DecileLift } from './lift-by-decile';
import type { OutcomeRow } from './outcome-row';
import { interpolateCalibration } from './probability-of';
import { reliabilityTable, type ReliabilityRow } from './reliability-table';
import { thresholdVolumes, type ThresholdVolume } from './threshold-volumes';

export interface DefinitionEvaluation {
  leads: number;
  converted: number;
  auc: number;
  brier: number;
  /** Expected calibration error over 10 probability bins. */
  ece: number;
  meanProbability: number;
  /**
   * Where the probabilities came from: the definition's own calibration, one fitted for the
   * comparison, or (with neither) the score read as a percentage.
   */
  probabilitySource: 'definition' | 'fitted' | 'score';
  reliability: ReliabilityRow[];
  lift: DecileLift[];
  volumes: ThresholdVolume[];
  scores: number[];
}

/**
 * How well a definition's scores rank and its probabilities match outcomes on some rows. A
 * definition without its own calibration is judged through `fallback` (e.g. one fitted on older rows).
 */
export function evaluateDefinition(rows: readonly OutcomeRow[], definition: Definition, now: Date, fallback?: Calibration): DefinitionEvaluation {
  const compiled = compileDefinition(definition);
  const scores = rows.map((row) => scoreLead(row.lead, definition, compiled, now).score);
  const outcomes = rows.map((row) => row.converted);
  const calibration = definition.calibration ?? fallback;
  const probabilities = scores.map((score) => (calibration === undefined ? score / 100 : interpolateCalibration(calibration, score)));
  const thresholds = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, definition.thresholds.mql, definition.thresholds.salesReady];
  return {
    leads: rows.length,
    converted: outcomes.filter(Boolean).length,
    auc: areaUnderCurve(scores, outcomes),
    brier: brierScore(probabilities, outcomes),
    ece: expectedCalibrationError(probabilities, outcomes),
    meanProbability: probabilities.reduce((sum, p) => sum + p, 0) / Math.max(1, probabilities.length),
    probabilitySource: definition.calibration !== undefined ? 'definition' : fallback !== undefined ? 'fitted' : 'score',
    reliability: reliabilityTable(scores, probabilities, outcomes),
    lift: liftByDecile(scores, outcomes),
    volumes: thresholdVolumes(scores, outcomes, thresholds),
    scores,
  };
}
