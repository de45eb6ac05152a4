import { compileDefinition } from '../compile-definition';
import type { Calibration } from '../definition';
import { scoreLead } from '../score-lead';
import { bootstrapAuc } from './bootstrap-auc';
import { evaluateDefinition, type DefinitionEvaluation } from './evaluate-definition';
import { fitCalibration } from './fit-calibration';
import { learnDefinition, type LearnOptions, type LearnResult } from './learn-definition';
import type { OutcomeRow } from './outcome-row';
import { splitByTime } from './split-by-time';

export interface CalibrateOptions extends LearnOptions {
  /** The newest share of rows kept apart to judge on (default 0.25). */
  holdoutShare?: number;
}

export interface HoldoutComparison {
  /** Rows learned from (the older ones) and judged on (the newest). */
  trainedOn: number;
  leads: number;
  converted: number;
  /** The `at` keys the holdout spans. */
  from: string;
  to: string;
  learned: DefinitionEvaluation;
  current: DefinitionEvaluation;
  learnedAucInterval: { low: number; high: number };
  currentAucInterval: { low: number; high: number };
}

export interface CalibrationReport {
  /** The proposal, learned from every row: save it as a draft. */
  draft: LearnResult;
  /** The same learning run on the older rows only, judged against the current definition on the newest; null when too few rows. */
  holdout: HoldoutComparison | null;
  /** How sure the figures are, in words. */
  confidence: string;
}

/**
 * `accord calibrate` without the I/O: learns on the older rows and compares with the current
 * definition on the newest (time-ordered holdout), then learns the draft from every row.
 */
export function calibrateFromOutcomes(rows: readonly OutcomeRow[], options: CalibrateOptions): CalibrationReport {
  const { train, holdout } = splitByTime(rows, options.holdoutShare ?? 0.25);
  const classes = (part: readonly OutcomeRow[]) => new Set(part.map((r) => r.converted)).size;
  let comparison: HoldoutComparison | null = null;
  if (train.length >= 40 && holdout.length >= 20 && classes(holdout) === 2 && classes(train) === 2) {
    const trained = learnDefinition(train, options);
    const learned = evaluateDefinition(holdout, trained.definition, options.now);
    const current = evaluateDefinition(holdout, options.current, options.now, currentCalibration(train, options));
    const outcomes = holdout.map((r) => r.converted);
    comparison = {
      trainedOn: train.length,
      leads: holdout.length,
      converted: outcomes.filter(Boolean).length,
      from: (holdout[0] as OutcomeRow).at,
      to: (holdout[holdout.length - 1] as OutcomeRow).at,
      learned,
      current,
      learnedAucInterval: bootstrapAuc(learned.scores, outcomes),
      currentAucInterval: bootstrapAuc(current.scores, outcomes),
    };
  }
  const draft = learnDefinition(rows, options);
  return { draft, holdout: comparison, confidence: confidenceWords(draft, comparison) };
}

/** The current definition's own calibration, else one fitted on its scores of the older rows. */
function currentCalibration(train: readonly OutcomeRow[], options: CalibrateOptions): Calibration | undefined {
  if (options.current.calibration !== undefined) return undefined;
  const compiled = compileDefinition(options.current);
  const scores = train.map((row) => scoreLead(row.lead, options.current, compiled, options.now).score);
  return fitCalibration(scores, train.map((r) => r.converted), 'isotonic');
}

function confidenceWords(draft: LearnResult, comparison: HoldoutComparison | null): string {
  const rarer = Math.min(draft.converted, draft.rows - draft.converted);
  const size = `Learned from ${draft.rows} outcomes (${draft.converted} converted).`;
  const strength = rarer < 100 ? ' That is few: treat the points as a first guess.' : rarer < 500 ? ' Enough for the main effects; small bands stay close to average.' : '';
  if (comparison === null) return `${size}${strength} Too few rows to keep a holdout apart, so nothing was measured on unseen leads.`;
  const { low, high } = comparison.learnedAucInterval;
  return `${size}${strength} On the newest ${comparison.leads} leads the learned AUC is ${comparison.learned.auc.toFixed(3)} (95 % of resamples between ${low.toFixed(3)} and ${high.toFixed(3)}).`;
}
