import type { Decision } from './decision';
import type { Lead } from './lead';

/** What the digest shows and compares about a lead. */
export interface LeadSummary {
  recordId: string;
  name: string | null;
  company: string | null;
  title: string | null;
  source: string | null;
  campaign: string | null;
  /** Intent signals it showed, by label ("Demo request"). */
  signals: string[];
}

/** The lead as the digest sees it; `decision` tells which intent signals counted. */
export function leadSummaryOf(lead: Lead, decision: Decision | null): LeadSummary {
  const name = [lead.firstName, lead.lastName].filter((part) => part !== null && part.trim() !== '').join(' ');
  return {
    recordId: lead.recordId,
    name: name === '' ? null : name,
    company: lead.company,
    title: lead.title,
    source: lead.source,
    campaign: lead.campaign,
    signals: decision === null ? [] : decision.reasons.filter((r) => r.kind === 'intent' && r.met).map((r) => r.label),
  };
}
