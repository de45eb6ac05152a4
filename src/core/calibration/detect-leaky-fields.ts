import { areaUnderCurve } from './area-under-curve';
import { bandWords } from './band-words';
import type { Feature } from './feature';
import { isPostContactField } from './post-contact-names';

export interface LeakageFinding {
  field: string;
  name: string;
  /** One line per piece of evidence, in words. */
  reasons: string[];
  /** Left out of learning (unless allowed), or only worth a look. */
  excluded: boolean;
  /** How well this field alone ranks the outcomes (0.5 = not at all). */
  singleFieldAuc: number;
}

export interface LeakageRules {
  /** A value converting at least this often… */
  nearAlways: number;
  /** …or at most this often… */
  nearNever: number;
  /** …over at least this share of rows, is suspicious. */
  minValueShare: number;
  /** Such values covering at least this share of rows exclude the field. */
  excludeCoverage: number;
  /** A field that alone ranks outcomes this well is excluded. */
  maxSingleFieldAuc: number;
  /** A fill rate that moves this much between the oldest and newest quarter of rows is excluded. */
  maxFillDrift: number;
}

export const defaultLeakageRules: LeakageRules = {
  nearAlways: 0.95,
  nearNever: 0.02,
  minValueShare: 0.01,
  excludeCoverage: 0.05,
  maxSingleFieldAuc: 0.9,
  maxFillDrift: 0.4,
};

/**
 * Fields that give the outcome away rather than predict it. Evidence: values that (almost)
 * decide the outcome, a single-field AUC too good to be true, a fill rate that changes over time
 * (filled in later, as sales works the lead), or a name known to be filled after contact.
 * `bands[f]` holds each row's band of feature f, rows in time order.
 */
export function detectLeakyFields(features: readonly Feature[], bands: readonly Int16Array[], outcomes: readonly boolean[], rules: LeakageRules = defaultLeakageRules): LeakageFinding[] {
  const n = outcomes.length;
  const converted = outcomes.filter(Boolean).length;
  const base = n === 0 ? 0 : converted / n;
  // With a rare outcome "converts ≤ 2 %" is normal; only a tenth of the base rate is telling then.
  const nearNever = Math.min(rules.nearNever, base / 10);
  const findings: LeakageFinding[] = [];
  features.forEach((feature, f) => {
    const index = bands[f] as Int16Array;
    const counts = new Array<number>(feature.bands.length).fill(0);
    const wins = new Array<number>(feature.bands.length).fill(0);
    index.forEach((band, row) => {
      if (band < 0) return;
      counts[band] = (counts[band] ?? 0) + 1;
      if (outcomes[row]) wins[band] = (wins[band] ?? 0) + 1;
    });
    const reasons: string[] = [];
    let excluded = false;

    let coverage = 0;
    const telling: string[] = [];
    counts.forEach((count, band) => {
      if (count < rules.minValueShare * n || count === 0) return;
      const rate = (wins[band] ?? 0) / count;
      if (rate >= rules.nearAlways || rate <= nearNever) {
        coverage += count / n;
        telling.push(`"${bandWords(feature.bands[band] as Feature['bands'][number])}" converts ${percent(rate)} of ${count} leads`);
      }
    });
    if (telling.length > 0) {
      const enough = coverage >= rules.excludeCoverage;
      excluded ||= enough;
      reasons.push(`${telling.slice(0, 3).join('; ')}${telling.length > 3 ? `; ${telling.length - 3} more` : ''} (${percent(coverage)} of leads${enough ? '' : ', too few to exclude'})`);
    }

    // Each row scored by its band's conversion, smoothed toward the base rate so tiny bands cannot shine.
    const rates = counts.map((count, band) => ((wins[band] ?? 0) + 2 * base) / (count + 2));
    const auc = n === 0 ? NaN : areaUnderCurve(Array.from(index, (band) => (band < 0 ? base : (rates[band] as number))), outcomes);
    const singleFieldAuc = Number.isNaN(auc) ? 0.5 : Math.max(auc, 1 - auc);
    if (singleFieldAuc >= rules.maxSingleFieldAuc) {
      excluded = true;
      reasons.push(`alone it ranks outcomes with AUC ${singleFieldAuc.toFixed(3)}`);
    }

    const missingBand = feature.bands.findIndex((b) => b.type === 'missing');
    if (n >= 400 && missingBand >= 0) {
      const quarter = Math.floor(n / 4);
      const fill = (from: number, to: number) => {
        let filled = 0;
        for (let row = from; row < to; row++) if (index[row] !== missingBand) filled++;
        return filled / (to - from);
      };
      const oldest = fill(0, quarter);
      const newest = fill(n - quarter, n);
      if (Math.abs(oldest - newest) >= rules.maxFillDrift) {
        excluded = true;
        reasons.push(`filled for ${percent(oldest)} of the oldest leads but ${percent(newest)} of the newest: filled in later, or the form changed`);
      }
    }

    if (isPostContactField(feature.field, feature.name)) {
      excluded = true;
      reasons.push('its name says sales fills it in after contact');
    }
    if (reasons.length > 0) findings.push({ field: feature.field, name: feature.name, reasons, excluded, singleFieldAuc });
  });
  return findings;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)} %`;
}
