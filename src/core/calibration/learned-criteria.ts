import { clip } from '../clip';
import type { Criterion } from '../definition';
import type { BandModel } from './fit-band-model';
import type { Band, Feature } from './feature';
import { bandWords } from './band-words';
import { unionOfBands } from './union-of-bands';

/** One band of a learned feature, as the report shows it. */
export interface LearnedBand {
  words: string;
  /** Training rows in the band. */
  rows: number;
  /** Log-odds the band adds, after tiers were merged. */
  logOdds: number;
  /** Score points a lead in this band collects from this feature. */
  points: number;
}

export interface LearnedFeature {
  field: string;
  name: string;
  bands: LearnedBand[];
  /** Most points the feature can give: how much it matters. */
  maxPoints: number;
}

export interface LearnedCriteria {
  criteria: Criterion[];
  features: LearnedFeature[];
  /** The model's log-odds for a lead scoring 0, and per score point: score = (logit − atZero) / perPoint. */
  logitAtZero: number;
  logitPerPoint: number;
}

interface Tier {
  bands: number[];
  logOdds: number;
  weight: number;
}

/**
 * Turns a band model into criteria that add up to the score. Each feature's bands are ranked by
 * log-odds into tiers, and every tier above the lowest becomes one criterion, "the lead is in
 * this tier or a better one", worth the step up: a lead collects the steps up to its own tier, so
 * its points are its band's log-odds re-based so the feature's worst band gives 0. Negative
 * coefficients thus become 0-or-more points, and the best possible lead scores exactly 100.
 * Tiers closer than a third of a point are merged, then the cheapest merges (least log-loss
 * distortion) are made until at most `budget` criteria remain.
 */
export function learnedCriteria(features: readonly Feature[], model: BandModel, bandRows: readonly number[][], budget: number): LearnedCriteria {
  const tiers: Tier[][] = features.map((feature, f) => {
    const coefficients = model.coefficients[f] as number[];
    const rows = bandRows[f] as number[];
    const byValue = new Map<string, Tier>();
    coefficients.forEach((logOdds, band) => {
      const key = logOdds.toFixed(9);
      const tier = byValue.get(key) ?? { bands: [], logOdds, weight: 0 };
      tier.bands.push(band);
      tier.weight += (rows[band] ?? 0) + 0.5;
      byValue.set(key, tier);
    });
    return [...byValue.values()].sort((a, b) => a.logOdds - b.logOdds);
  });
  const spanOf = () => tiers.reduce((sum, t) => sum + ((t[t.length - 1]?.logOdds ?? 0) - (t[0]?.logOdds ?? 0)), 0);
  const minStep = spanOf() / 300;
  for (const featureTiers of tiers) {
    for (;;) {
      const i = cheapestMerge(featureTiers, (a, b) => (b.logOdds - a.logOdds < minStep ? b.logOdds - a.logOdds : Infinity));
      if (i < 0) break;
      merge(featureTiers, i);
    }
  }
  for (;;) {
    const count = tiers.reduce((sum, t) => sum + t.length - 1, 0);
    if (count <= budget) break;
    let best = { f: -1, i: -1, cost: Infinity };
    tiers.forEach((featureTiers, f) => {
      const i = cheapestMerge(featureTiers, mergeCost);
      if (i >= 0) {
        const cost = mergeCost(featureTiers[i] as Tier, featureTiers[i + 1] as Tier);
        if (cost < best.cost) best = { f, i, cost };
      }
    });
    if (best.f < 0) break;
    merge(tiers[best.f] as Tier[], best.i);
  }

  const span = spanOf();
  const perPoint = span > 0 ? span / 100 : 1;
  let logitAtZero = model.intercept;
  const perFeature: Array<{ maxPoints: number; criteria: Criterion[] }> = [];
  const learned: LearnedFeature[] = [];
  const usedIds = new Set<string>();
  features.forEach((feature, f) => {
    const featureTiers = tiers[f] as Tier[];
    const lowest = featureTiers[0]?.logOdds ?? 0;
    logitAtZero += lowest;
    if (featureTiers.length < 2) return;
    const slug = uniqueSlug(feature.name, usedIds);
    const criteria: Criterion[] = [];
    for (let k = 1; k < featureTiers.length; k++) {
      const chosen: Band[] = featureTiers.slice(k).flatMap((tier) => tier.bands.map((b) => feature.bands[b] as Band));
      const { when, words } = unionOfBands(feature, chosen);
      const step = ((featureTiers[k] as Tier).logOdds - (featureTiers[k - 1] as Tier).logOdds) / perPoint;
      criteria.push({ id: `${slug}-${k}`, label: clip(words, 120), kind: 'fit', points: round2(step), when });
    }
    perFeature.push({ maxPoints: ((featureTiers[featureTiers.length - 1] as Tier).logOdds - lowest) / perPoint, criteria });
    const tierOf = new Map<number, Tier>();
    for (const tier of featureTiers) for (const b of tier.bands) tierOf.set(b, tier);
    learned.push({
      field: feature.field,
      name: feature.name,
      bands: feature.bands.map((band, b) => {
        const tier = tierOf.get(b) as Tier;
        return { words: bandWords(band), rows: (bandRows[f] as number[])[b] ?? 0, logOdds: tier.logOdds, points: round2((tier.logOdds - lowest) / perPoint) };
      }),
      maxPoints: round2(((featureTiers[featureTiers.length - 1] as Tier).logOdds - lowest) / perPoint),
    });
  });
  learned.sort((a, b) => b.maxPoints - a.maxPoints);
  // Most influential features first: the "why" lists criteria in this order and may be cut short.
  const criteria = [...perFeature].sort((a, b) => b.maxPoints - a.maxPoints).flatMap((f) => f.criteria);
  return { criteria, features: learned, logitAtZero, logitPerPoint: perPoint };
}

/** Log-loss cost, to second order, of giving two tiers one shared log-odds. */
function mergeCost(a: Tier, b: Tier): number {
  return ((a.weight * b.weight) / (a.weight + b.weight)) * (b.logOdds - a.logOdds) ** 2;
}

function cheapestMerge(tiers: readonly Tier[], cost: (a: Tier, b: Tier) => number): number {
  let best = -1;
  let bestCost = Infinity;
  for (let i = 0; i + 1 < tiers.length; i++) {
    const c = cost(tiers[i] as Tier, tiers[i + 1] as Tier);
    if (c < bestCost) {
      best = i;
      bestCost = c;
    }
  }
  return best;
}

function merge(tiers: Tier[], i: number): void {
  const a = tiers[i] as Tier;
  const b = tiers[i + 1] as Tier;
  const weight = a.weight + b.weight;
  tiers.splice(i, 2, { bands: [...a.bands, ...b.bands], logOdds: (a.logOdds * a.weight + b.logOdds * b.weight) / weight, weight });
}

function uniqueSlug(name: string, used: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'field';
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
