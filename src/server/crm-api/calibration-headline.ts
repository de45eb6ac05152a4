import type { CalibrationReport } from '../../core/calibration/calibrate-from-outcomes';
import type { DefinitionEvaluation } from '../../core/calibration/evaluate-definition';

const figures = (e: DefinitionEvaluation) => ({ auc: e.auc, ece: e.ece, brier: e.brier });

/** What the settings page shows of a calibration report: the headline, not the tables. */
export function calibrationHeadline(report: CalibrationReport) {
  const { holdout } = report;
  return {
    outcomes: report.draft.rows,
    converted: report.draft.converted,
    holdout: holdout === null ? null : { leads: holdout.leads, converted: holdout.converted, learned: figures(holdout.learned), current: figures(holdout.current) },
    /** Shrinkage: the share of the score from the learned points; the rest is the live definition's. */
    blendWeight: report.draft.blendWeight,
    /** Fields the leakage guard left out. */
    leakyFields: report.draft.leakage.filter((f) => f.excluded).map((f) => f.name),
    confidence: report.confidence,
  };
}

export type CalibrationHeadline = ReturnType<typeof calibrationHeadline>;
