import type { ActivitySignal } from '../../src/core/lead';
import { parseHubspotDate } from './parse-hubspot-date';
import { parseHubspotNumber } from './parse-hubspot-number';

type Properties = Record<string, string | null>;

/**
 * Intent signals HubSpot exposes on the contact itself (no extra API call): the latest conversion's
 * name tells demo requests and pricing visits apart; the counters give form submissions and page views.
 * Only signals that happened at least once are listed.
 */
export function hubspotActivitySignals(properties: Properties): ActivitySignal[] {
  const signals: ActivitySignal[] = [];
  const conversion = (properties.recent_conversion_event_name ?? '').toLowerCase();
  const conversionAt = parseHubspotDate(properties.recent_conversion_date ?? null);
  if (conversion.includes('demo')) signals.push({ kind: 'demo_request', count: 1, lastAt: conversionAt });
  if (conversion.includes('pricing')) signals.push({ kind: 'pricing_page_view', count: 1, lastAt: conversionAt });
  const forms = parseHubspotNumber(properties.num_conversion_events ?? null);
  if (forms !== null && forms > 0) signals.push({ kind: 'form_submission', count: forms, lastAt: conversionAt });
  const pageViews = parseHubspotNumber(properties.hs_analytics_num_page_views ?? null);
  if (pageViews !== null && pageViews > 0) {
    signals.push({ kind: 'page_view', count: pageViews, lastAt: parseHubspotDate(properties.lastmodifieddate ?? null) });
  }
  return signals;
}
