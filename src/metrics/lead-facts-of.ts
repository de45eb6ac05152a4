import { compileDefinition } from '../core/compile-definition';
import { defaultDefinition } from '../core/default-definition';
import type { Definition } from '../core/definition';
import type { Lead } from '../core/lead';
import { territoryRegion } from '../core/territory-region';
import type { LeadFacts, LeadOutcome } from '../store/store';

/**
 * What the dashboard keeps about a lead besides its decisions: where it came from, where it is,
 * when the CRM created it and, once the CRM says so, whether it became a customer. No personal data.
 * The region is the routing territory of `definition` (the tenant's published one; the default's
 * West / Central / East when omitted), so the dashboard's regions are the ones leads are routed by.
 */
export function leadFactsOf(lead: Lead, definition: Definition = defaultDefinition): LeadFacts {
  const outcome = outcomeOf(lead);
  return {
    recordId: lead.recordId,
    createdAt: instant(lead.createdAt),
    source: text(lead.source),
    campaign: text(lead.campaign),
    country: text(lead.country),
    region: territoryRegion(lead, compileDefinition(definition).territories),
    outcome: outcome?.outcome ?? null,
    outcomeAt: outcome?.at ?? null,
    amount: amountOf(lead),
  };
}

/**
 * Only what a lead read shows for certain: a HubSpot contact whose lifecycle stage is "customer"
 * has won. A lost deal is not visible on a contact or a Salesforce lead, so the outcome stays null
 * (unknown, never "lost") until an outcome sync records it; the store keeps a known outcome when a
 * later snapshot has none.
 */
function outcomeOf(lead: Lead): { outcome: LeadOutcome; at: string | null } | null {
  if (lead.crm !== 'hubspot' || text(lead.raw.lifecyclestage ?? null)?.toLowerCase() !== 'customer') return null;
  return { outcome: 'won', at: instant(lead.raw.hs_lifecyclestage_customer_date ?? null) };
}

/** HubSpot rolls the contact's deals up into these properties when the portal reads them. */
function amountOf(lead: Lead): number | null {
  for (const name of ['recent_deal_amount', 'total_revenue']) {
    const value = text(lead.raw[name] ?? null);
    if (value === null) continue;
    const amount = Number(value.replace(/[,\s]/g, ''));
    if (Number.isFinite(amount)) return amount;
  }
  return null;
}

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** ISO text or epoch milliseconds (HubSpot's older date shape), as an ISO instant; null when neither. */
function instant(value: string | null): string | null {
  const trimmed = text(value);
  if (trimmed === null) return null;
  const ms = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
