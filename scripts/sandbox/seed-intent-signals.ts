import type { SeededRandom } from './seeded-random';
import { campaigns, conversionEvents, sourceWeights } from './seed-vocabulary';

const dayMs = 24 * 60 * 60 * 1000;
const conversionCounts = [[0, 45], [1, 25], [2, 13], [3, 8], [4, 5], [5, 4]] as const;

export interface IntentSignals {
  properties: Record<string, string>;
  /** When the contact last did something (its last conversion, else its creation). */
  lastActivityAt: number;
}

/**
 * Marketing's view of a contact: source, page views (0–40, most of them low), 0–5 conversions and,
 * for converters, the latest one within the 60 days before `now` and after the contact was created.
 */
export function seedIntentSignals(random: SeededRandom, createdAt: number, now: number): IntentSignals {
  const properties: Record<string, string> = {
    hs_analytics_source: random.weighted(sourceWeights),
    hs_analytics_num_page_views: String(Math.floor(41 * random.float() ** 2.5)),
  };
  const conversions = random.weighted(conversionCounts);
  properties.num_conversion_events = String(conversions);
  if (conversions === 0) return { properties, lastActivityAt: createdAt };
  const windowStart = Math.max(createdAt, now - 60 * dayMs);
  const convertedAt = Math.floor((windowStart + random.float() * (now - windowStart)) / 1000) * 1000;
  properties.recent_conversion_event_name = random.weighted(conversionEvents);
  properties.recent_conversion_date = new Date(convertedAt).toISOString();
  properties.hs_analytics_first_touch_converting_campaign = random.pick(campaigns);
  return { properties, lastActivityAt: Math.max(createdAt, convertedAt) };
}
