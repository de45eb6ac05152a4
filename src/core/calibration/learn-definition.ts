import { compileDefinition } from '../compile-definition';
import { definitionSchema, type Definition } from '../definition';
import { isMissingValue, readLeadField } from '../read-lead-field';
import { scoreLead } from '../score-lead';
import { bandIndex } from './band-index';
import { blendWithCurrent } from './blend-with-current';
import { chooseThresholds } from './choose-thresholds';
import { detectLeakyFields, type LeakageFinding } from './detect-leaky-fields';
import type { Feature } from './feature';
import { bandModelLogit, fitBandModel, type BandModel, type BandPenalties } from './fit-band-model';
import { fitCalibration, type CalibrationMethod } from './fit-calibration';
import { learnedCriteria, type LearnedFeature } from './learned-criteria';
import type { OutcomeRow } from './outcome-row';
import { prepareFeatures, type CandidateField, type SkippedField } from './prepare-features';
import { sortByTime } from './split-by-time';

export interface LearnOptions {
  /** The definition in use: its rules are kept, and small samples lean on its points. */
  current: Definition;
  /** The fields the outcome source offers. */
  candidates: readonly CandidateField[];
  /** Fields (by name or path) to use even though they look leaky. */
  allowFields?: readonly string[];
  /** Fields (by name or path) never to use. */
  excludeFields?: readonly string[];
  /** Outcomes of the rarer class at which learned and current points weigh the same (default 100). */
  priorStrength?: number;
  calibration?: CalibrationMethod;
  /** Probabilities the MQL and sales-ready thresholds are set at (default 0.25 and 0.5). */
  mqlProbability?: number;
  salesReadyProbability?: number;
  now: Date;
  name?: string;
}

export interface LearnResult {
  definition: Definition;
  features: LearnedFeature[];
  leakage: LeakageFinding[];
  skipped: SkippedField[];
  /** Fields flagged as leaky but used because the caller insisted. */
  allowed: string[];
  penalties: BandPenalties;
  /** Share of the score from the learned points; the rest comes from the current definition's. */
  blendWeight: number;
  rows: number;
  converted: number;
  droppedRequiredFields: string[];
  notes: string[];
}

/**
 * The calibration follows the recent conversion rate (the oldest row weighs e^(−4), half-life a
 * sixth of the window). The model itself weighs every row the same: on time-ordered folds of the
 * X Education leads, down-weighting older rows cost more in sample size than it gained in
 * recency (docs/calibration.md).
 */
const calibrationRecency = 4;
const penaltyGrid: readonly BandPenalties[] = [3, 10, 30].flatMap((category) => [1, 3, 10].map((step) => ({ category, step })));
const criteriaBudget = 100;

/**
 * Learns a definition from outcomes: bands per field, a regularised logistic regression on them
 * (penalties chosen on the newest quarter of the rows), criteria whose points add up to the score,
 * a score → probability calibration fitted on out-of-time predictions, and thresholds read off
 * it. Leaky fields are left out unless allowed. Pure and deterministic.
 */
export function learnDefinition(outcomeRows: readonly OutcomeRow[], options: LearnOptions): LearnResult {
  const rows = sortByTime(outcomeRows);
  const n = rows.length;
  const leads = rows.map((r) => r.lead);
  const outcomes = rows.map((r) => r.converted);
  const converted = outcomes.filter(Boolean).length;
  const notes: string[] = [];
  const named = (list: readonly string[] | undefined, c: CandidateField) => (list ?? []).some((x) => x === c.name || x === c.field);
  const candidates = options.candidates.filter((c) => !named(options.excludeFields, c));

  const minRows = Math.max(10, Math.round(0.004 * n));
  const prepared = prepareFeatures(candidates, leads, { maxBins: Math.max(2, Math.min(20, Math.floor(n / minRows))), minRows });
  const allBands = prepared.features.map((feature) => bandIndex(feature, leads));
  const leakage = detectLeakyFields(prepared.features, allBands, outcomes);
  const allowed: string[] = [];
  const keep: number[] = [];
  prepared.features.forEach((feature, f) => {
    const finding = leakage.find((l) => l.field === feature.field);
    if (finding?.excluded && !named(options.allowFields, feature)) return;
    if (finding?.excluded) allowed.push(feature.name);
    keep.push(f);
  });
  const features = keep.map((f) => prepared.features[f] as Feature);
  const bands = keep.map((f) => allBands[f] as Int16Array);
  const everyRow = rows.map((_, i) => i);

  const { penalties, model: tuned } = choosePenalties(features, bands, outcomes);
  const model = fitBandModel(features, bands, everyRow, outcomes, penalties, undefined, tuned);
  const bandRows = features.map((feature, f) => {
    const counts = new Array<number>(feature.bands.length).fill(0);
    for (const band of bands[f] as Int16Array) if (band >= 0) counts[band] = (counts[band] ?? 0) + 1;
    return counts;
  });
  const budget = criteriaBudget - options.current.criteria.length;
  const learned = learnedCriteria(features, model, bandRows, budget);

  const currentScores = scoresOf(rows, options.current, options.now);
  const rarer = Math.min(converted, n - converted);
  let blendWeight = rarer / (rarer + (options.priorStrength ?? 100));
  if (learned.criteria.length === 0) {
    blendWeight = 0;
    notes.push('No field could be learned from, so the current criteria are kept and only their score is calibrated.');
  } else if (new Set(currentScores).size <= 1) {
    blendWeight = 1;
    notes.push('The current definition gives every one of these leads the same score, so nothing of it is blended in.');
  } else if (blendWeight < 1) {
    notes.push(
      `${rarer} outcomes of the rarer kind: the score is ${Math.round(blendWeight * 100)} % learned points and ${Math.round((1 - blendWeight) * 100)} % the current definition's.`,
    );
  }

  const droppedRequiredFields = options.current.requiredFields.filter(
    (field) => leads.filter((lead) => isMissingValue(readLeadField(lead, field))).length > n / 2,
  );
  if (droppedRequiredFields.length > 0) {
    notes.push(`Required fields the outcome data mostly lacks, dropped so leads are not all held back: ${droppedRequiredFields.join(', ')}.`);
  }
  const blended = blendWithCurrent(blendWeight > 0 ? learned.criteria : [], options.current, blendWeight);
  const keepsCurrentCriteria = blended.criteria.length > learned.criteria.length || blendWeight === 0;
  const draft: Definition = {
    ...options.current,
    name: (options.name ?? `${options.current.name} (calibrated)`).slice(0, 120),
    criteria: blendWeight === 0 ? options.current.criteria : blended.criteria,
    intent: blendWeight === 0 ? options.current.intent : blended.intent,
    requiredFields: options.current.requiredFields.filter((f) => !droppedRequiredFields.includes(f)),
    autoAccept: keepsCurrentCriteria ? options.current.autoAccept : null,
  };
  delete draft.calibration;

  // Calibrate on predictions each row got from a model that did not see it.
  const heldOut = outOfFoldLogits(features, bands, outcomes, penalties, model);
  const draftCompiled = compileDefinition(draft);
  const disqualified = rows.map((row) => scoreLead(row.lead, draft, draftCompiled, options.now).disqualifiedBy.length > 0);
  const currentOrZero = (i: number) => (blendWeight === 1 ? 0 : (currentScores[i] as number));
  const calibrationScores = rows.map((_, i) => {
    if (disqualified[i]) return 0;
    if (blendWeight === 0) return currentScores[i] as number;
    const learnedScore = clampScore(((heldOut[i] as number) - learned.logitAtZero) / learned.logitPerPoint);
    return Math.round(blendWeight * learnedScore + (1 - blendWeight) * currentOrZero(i));
  });
  const calibrationWeights = rows.map((_, i) => Math.exp(calibrationRecency * ((i + 1) / n - 1)));
  const calibration = fitCalibration(calibrationScores, outcomes, options.calibration ?? 'platt', calibrationWeights);
  calibration.rows = n;
  calibration.converted = converted;
  const thresholds = chooseThresholds(calibration, options.mqlProbability ?? 0.25, options.salesReadyProbability ?? 0.5);
  const definition = definitionSchema.parse({ ...draft, thresholds, calibration });
  return {
    definition,
    features: learned.features,
    leakage,
    skipped: prepared.skipped,
    allowed,
    penalties,
    blendWeight,
    rows: n,
    converted,
    droppedRequiredFields,
    notes,
  };
}

/** The penalties whose model, fitted on the older three quarters, best predicts the newest quarter. */
function choosePenalties(
  features: readonly Feature[],
  bands: readonly Int16Array[],
  outcomes: readonly boolean[],
): { penalties: BandPenalties; model: BandModel | undefined } {
  const n = outcomes.length;
  const cut = Math.floor(n * 0.75);
  const fitRows = Array.from({ length: cut }, (_, i) => i);
  const checkRows = Array.from({ length: n - cut }, (_, i) => cut + i);
  if (cut < 20 || checkRows.length < 10) return { penalties: { category: 10, step: 3 }, model: undefined };
  let best = { penalties: penaltyGrid[0] as BandPenalties, model: undefined as BandModel | undefined, loss: Infinity };
  let previous: BandModel | undefined;
  for (const penalties of penaltyGrid) {
    const model = fitBandModel(features, bands, fitRows, outcomes, penalties, undefined, previous);
    previous = model;
    const loss = logLoss(model, bands, checkRows, outcomes);
    if (loss < best.loss - 1e-12) best = { penalties, model, loss };
  }
  return { penalties: best.penalties, model: best.model };
}

/** Each row's log-odds from a model fitted without its fifth of the rows (contiguous in time). */
function outOfFoldLogits(
  features: readonly Feature[],
  bands: readonly Int16Array[],
  outcomes: readonly boolean[],
  penalties: BandPenalties,
  start: BandModel,
): number[] {
  const n = outcomes.length;
  const folds = Math.min(5, Math.max(2, Math.floor(n / 20)));
  const logits = new Array<number>(n).fill(0);
  for (let k = 0; k < folds; k++) {
    const low = Math.floor((k * n) / folds);
    const high = Math.floor(((k + 1) * n) / folds);
    const fitRows: number[] = [];
    for (let i = 0; i < n; i++) if (i < low || i >= high) fitRows.push(i);
    const model = fitBandModel(features, bands, fitRows, outcomes, penalties, undefined, start);
    for (let i = low; i < high; i++) logits[i] = bandModelLogit(model, bands, i);
  }
  return logits;
}

function logLoss(model: BandModel, bands: readonly Int16Array[], rows: readonly number[], outcomes: readonly boolean[]): number {
  let loss = 0;
  for (const row of rows) {
    const z = bandModelLogit(model, bands, row);
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += softplus - (outcomes[row] ? z : 0);
  }
  return loss / Math.max(1, rows.length);
}

function scoresOf(rows: readonly OutcomeRow[], definition: Definition, now: Date): number[] {
  const compiled = compileDefinition(definition);
  return rows.map((row) => scoreLead(row.lead, definition, compiled, now).score);
}

function clampScore(score: number): number {
  return Math.min(100, Math.max(0, score));
}
