import type { CalibrationReport } from '../core/calibration/calibrate-from-outcomes';
import type { DefinitionEvaluation } from '../core/calibration/evaluate-definition';
import { formatTable } from './format-table';

const fixed = (x: number | null, digits = 3) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(digits));
const percent = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)} %`);

/** The calibration report for a terminal: figures side by side, then the tables behind them. */
export function formatCalibrationReport(report: CalibrationReport): string {
  const { draft, holdout } = report;
  const out: string[] = [];
  out.push(`Calibration proposal: "${draft.definition.name}" (a draft; nothing is published)`);
  out.push(report.confidence);
  if (holdout !== null) {
    out.push('');
    out.push(`Time-ordered holdout: the newest ${holdout.leads} leads (${holdout.from} … ${holdout.to}, ${percent(holdout.converted / holdout.leads)} converted), learned on the older ${holdout.trainedOn}.`);
    out.push(
      formatTable(
        ['figure', 'learned', 'current'],
        [
          ['AUC', fixed(holdout.learned.auc), fixed(holdout.current.auc)],
          ['AUC, 95 % of resamples', interval(holdout.learnedAucInterval), interval(holdout.currentAucInterval)],
          ['Brier score', fixed(holdout.learned.brier), fixed(holdout.current.brier)],
          ['expected calibration error (10 bins)', fixed(holdout.learned.ece), fixed(holdout.current.ece)],
          ['mean predicted probability', fixed(holdout.learned.meanProbability), fixed(holdout.current.meanProbability)],
        ],
      ),
    );
    if (holdout.current.probabilitySource !== 'definition') {
      out.push("(The current definition has no calibration: its probabilities come from its scores on the older leads.)");
    }
    out.push('', 'Reliability on the holdout: predicted against observed conversion per score band');
    out.push(reliability(holdout.learned, holdout.current));
    out.push('', 'Lift by decile on the holdout (decile 1 = highest scores)');
    out.push(lift(holdout.learned, holdout.current));
    out.push('', 'Lead volume at each threshold on the holdout (learned definition)');
    out.push(volumes(holdout.learned));
  }
  out.push('', 'Leakage guard');
  if (draft.leakage.length === 0) out.push('  No field looks leaky.');
  for (const finding of draft.leakage) {
    const verdict = !finding.excluded ? 'noted' : draft.allowed.includes(finding.name) ? 'USED (--allow-field)' : 'left out';
    out.push(`  ${finding.name}: ${verdict}, single-field AUC ${finding.singleFieldAuc.toFixed(3)}`);
    for (const reason of finding.reasons) out.push(`    - ${reason}`);
  }
  if (draft.skipped.length > 0) {
    out.push('', 'Fields not used');
    for (const s of draft.skipped) out.push(`  ${s.name}: ${s.reason}`);
  }
  out.push('', 'What the learned points reward (most points first)');
  out.push(
    formatTable(
      ['field', 'up to', 'best band'],
      draft.features.slice(0, 15).map((f) => {
        const best = [...f.bands].sort((a, b) => b.points - a.points)[0];
        return [f.name, f.maxPoints.toFixed(1), best === undefined ? '' : best.words];
      }),
    ),
  );
  const t = draft.definition.thresholds;
  out.push('', `Thresholds read off the calibration: MQL at ${t.mql}, sales-ready at ${t.salesReady}.`);
  out.push(`Penalties chosen on the newest quarter: categories ${draft.penalties.category}, numeric steps ${draft.penalties.step}.`);
  for (const note of draft.notes) out.push(note);
  return `${out.join('\n')}\n`;
}

/** The report as JSON, without the per-lead score arrays. */
export function calibrationReportJson(report: CalibrationReport): unknown {
  const strip = (e: DefinitionEvaluation) => {
    const { scores: _scores, ...rest } = e;
    return rest;
  };
  return {
    ...report,
    holdout: report.holdout === null ? null : { ...report.holdout, learned: strip(report.holdout.learned), current: strip(report.holdout.current) },
  };
}

function interval(range: { low: number; high: number }): string {
  return `${fixed(range.low)}–${fixed(range.high)}`;
}

function reliability(learned: DefinitionEvaluation, current: DefinitionEvaluation): string {
  return formatTable(
    ['scores', 'leads', 'predicted', 'observed', 'current: leads', 'predicted', 'observed'],
    learned.reliability.map((row, i) => {
      const other = current.reliability[i];
      return [
        `${row.scores[0]}–${row.scores[1]}`,
        String(row.leads),
        percent(row.predicted),
        percent(row.observed),
        String(other?.leads ?? 0),
        percent(other?.predicted ?? null),
        percent(other?.observed ?? null),
      ];
    }),
  );
}

function lift(learned: DefinitionEvaluation, current: DefinitionEvaluation): string {
  return formatTable(
    ['decile', 'min score', 'converted', 'lift', 'captured', 'current: converted', 'lift'],
    learned.lift.map((d, i) => {
      const other = current.lift[i];
      return [String(d.decile), String(d.minScore), percent(d.conversion), d.lift.toFixed(2), percent(d.cumulativeCapture), percent(other?.conversion ?? null), other === undefined ? '–' : other.lift.toFixed(2)];
    }),
  );
}

function volumes(evaluation: DefinitionEvaluation): string {
  return formatTable(
    ['score ≥', 'leads', 'share', 'converted', 'of all conversions'],
    evaluation.volumes.map((v) => [String(v.threshold), String(v.leads), percent(v.share), percent(v.conversion), percent(v.capture)]),
  );
}
