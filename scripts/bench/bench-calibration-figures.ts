import { runCalibrationBench } from './bench-calibration';
import type { BenchFigure } from './bench-figure';

/** The calibration benchmark's quality figures as table rows (deterministic: one run). */
export function benchCalibrationFigures(): BenchFigure[] {
  const result = runCalibrationBench();
  return result.figures.flatMap((f) => {
    const common = { runs: 1, target: 'reported', met: null, note: `X Education leads: learned on the older ${result.trainedOn}, judged on the newest ${result.holdout}; ${f.seconds.toFixed(2)} s` };
    return [
      { name: `calibration AUC — ${f.model}`, unit: '', median: f.auc, min: f.auc, max: f.auc, ...common },
      { name: `calibration ECE (10 bins) — ${f.model}`, unit: '', median: f.ece, min: f.ece, max: f.ece, ...common },
      { name: `calibration Brier — ${f.model}`, unit: '', median: f.brier, min: f.brier, max: f.brier, ...common },
    ];
  });
}
