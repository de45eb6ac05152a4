import type { Decision } from '../core/decision';
import type { LeadSummary } from '../core/lead-summary';
import type { TenantRef } from '../core/lead';
import type { LeadFacts, Store } from '../store/store';

export interface WeekLeads {
  /** Leads sales accepted in the week. */
  conversions: LeadSummary[];
  /** Leads handed to sales in the week: the base rate for what converted leads had in common. */
  handedOver: LeadSummary[];
}

/**
 * The week's conversions and hand-overs from the decision history, with source and campaign from
 * the lead facts: the digest needs no CRM call. Names stay out (the store keeps no personal data).
 */
export async function tenantWeekLeads(store: Store, ref: TenantRef, fromIso: string, toIso: string): Promise<WeekLeads> {
  const history = await store.listDecisionHistory(ref, { from: fromIso, to: toIso });
  const facts = new Map((await store.listLeadFacts(ref)).map((f) => [f.recordId, f]));
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  const within = (at: string | null | undefined) => at != null && Date.parse(at) >= from && Date.parse(at) < to;
  const conversions = new Map<string, LeadSummary>();
  const handedOver = new Map<string, LeadSummary>();
  for (const d of history) {
    if (d.stage === 'sql' && within(d.acceptedAt)) conversions.set(d.recordId, summaryOf(d, facts.get(d.recordId)));
    if ((d.stage === 'sales_ready' || d.stage === 'sql') && within(d.routedAt)) handedOver.set(d.recordId, summaryOf(d, facts.get(d.recordId)));
  }
  return { conversions: [...conversions.values()], handedOver: [...handedOver.values()] };
}

function summaryOf(decision: Decision, facts: LeadFacts | undefined): LeadSummary {
  return {
    recordId: decision.recordId,
    name: null,
    company: null,
    title: null,
    source: facts?.source ?? null,
    campaign: facts?.campaign ?? null,
    signals: decision.reasons.filter((r) => r.kind === 'intent' && r.met).map((r) => r.label),
  };
}
