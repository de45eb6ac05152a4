import type { Lead } from '../lead';
import { readLeadField, isMissingValue } from '../read-lead-field';
import { categoryFeature } from './category-feature';
import type { Feature } from './feature';
import { numericFeature } from './numeric-feature';
import { numericValue } from './numeric-value';
import { profileField } from './profile-field';

/** A field the outcome source offers: its path for predicates and the name people know it by. */
export interface CandidateField {
  field: string;
  name: string;
}

export interface SkippedField extends CandidateField {
  reason: string;
}

export interface FeatureOptions {
  /** Most bands for a numeric field. */
  maxBins: number;
  /** Fewest rows a numeric band or a category of its own needs. */
  minRows: number;
}

/**
 * Cuts each candidate field into bands, leaving out fields that cannot teach anything: always
 * empty, (almost) always the same, or a different value on nearly every row (an identifier).
 */
export function prepareFeatures(candidates: readonly CandidateField[], leads: readonly Lead[], options: FeatureOptions): { features: Feature[]; skipped: SkippedField[] } {
  const features: Feature[] = [];
  const skipped: SkippedField[] = [];
  for (const candidate of candidates) {
    const profile = profileField(candidate.field, candidate.name, leads);
    const skip = (reason: string) => skipped.push({ ...candidate, reason });
    if (profile.present === 0) {
      skip('always empty');
      continue;
    }
    if (profile.topShare >= 0.995) {
      skip('(almost) always the same value');
      continue;
    }
    const identifierLike = profile.present >= 50 && profile.distinct >= (profile.numeric ? 0.9 : 0.5) * profile.present;
    if (identifierLike) {
      skip('a different value on nearly every row, like an identifier');
      continue;
    }
    const values = leads.map((lead) => readLeadField(lead, candidate.field)).filter((v) => !isMissingValue(v));
    if (profile.numeric) {
      const numbers = values.map(numericValue).filter((n): n is number => n !== null);
      features.push(numericFeature(candidate.field, candidate.name, numbers, { maxBins: options.maxBins, minRows: options.minRows }));
    } else {
      features.push(categoryFeature(candidate.field, candidate.name, values.map(String), options.minRows));
    }
  }
  return { features, skipped };
}
