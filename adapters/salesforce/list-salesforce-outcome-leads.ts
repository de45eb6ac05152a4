import type { Connection } from 'jsforce';
import type { ClosedDeal, OutcomeLead, OutcomeRules } from '../../src/core/crm-adapter';
import type { ReadLeadsContext } from './read-salesforce-leads';
import { leadSelectFields } from './salesforce-lead-fields';
import { salesforceRecordToLead } from './salesforce-record-to-lead';
import { salesforceBoolean, salesforceDatetime, salesforceNumber, salesforceText } from './salesforce-value';
import { soqlDatetime, soqlString } from './soql-literal';

/** What the query adds to a lead read: how the lead ended and when that last changed, not what it looked like. */
const outcomeFields = [
  'ConvertedDate',
  'SystemModstamp',
  'ConvertedOpportunity.IsClosed',
  'ConvertedOpportunity.IsWon',
  'ConvertedOpportunity.Amount',
  'ConvertedOpportunity.CloseDate',
  'ConvertedOpportunity.SystemModstamp',
];

type OpportunityFields = { IsClosed?: unknown; IsWon?: unknown; Amount?: unknown; CloseDate?: unknown; SystemModstamp?: unknown };
type OutcomeRecord = Record<string, unknown> & { ConvertedOpportunity?: OpportunityFields | null };

/**
 * The SOQL of every lead whose outcome is known, oldest created first; with `modifiedSince`, only those
 * changed since, the lead or its opportunity (closing an opportunity does not touch the converted lead).
 */
export function outcomeLeadsSoql(context: ReadLeadsContext, rules: Pick<OutcomeRules, 'modifiedSince'> = {}): string {
  const closed = context.profile.statuses.closedStatuses;
  const conditions = ['IsConverted = true', ...(closed.length > 0 ? [`Status IN (${closed.map(soqlString).join(', ')})`] : []), 'Accord_Rejection_Reason__c != null'];
  const fields = [...leadSelectFields(context.profile.optionalFields), ...outcomeFields].join(', ');
  if (rules.modifiedSince === undefined) return `SELECT ${fields} FROM Lead WHERE ${conditions.join(' OR ')} ORDER BY CreatedDate, Id`;
  const since = soqlDatetime(rules.modifiedSince);
  return `SELECT ${fields} FROM Lead WHERE (${conditions.join(' OR ')}) AND (SystemModstamp >= ${since} OR ConvertedOpportunity.SystemModstamp >= ${since}) ORDER BY CreatedDate, Id`;
}

/**
 * One page of leads whose outcome is known. Won: converted, unless the opportunity it became has
 * closed lost; lost: a status the org uses to close a lead without converting it (its LeadStatus
 * catalog), or a rejection sent through Accord. The cursor is Salesforce's query locator.
 */
export async function listSalesforceOutcomeLeads(
  connection: Connection,
  after: string | null,
  context: ReadLeadsContext,
  rules: Pick<OutcomeRules, 'modifiedSince'> = {},
): Promise<{ outcomes: OutcomeLead[]; after: string | null }> {
  const page =
    after === null
      ? // GET /services/data/vXX.X/query?q=SELECT … FROM Lead WHERE IsConverted = true OR Status IN (…) OR … ORDER BY CreatedDate, Id
        await connection.query<OutcomeRecord>(outcomeLeadsSoql(context, rules))
      : // GET /services/data/vXX.X/query/{locator}
        await connection.queryMore<OutcomeRecord>(after);
  const outcomes: OutcomeLead[] = [];
  for (const record of page.records) {
    const { ConvertedOpportunity: opportunity, ConvertedDate: convertedDate, SystemModstamp: modstamp, ...values } = record;
    const createdAt = salesforceDatetime(values.CreatedDate);
    if (createdAt === null) continue;
    const lead = salesforceRecordToLead(values, { tenantId: context.tenantId, integrationUserId: context.integrationUserId, statuses: context.profile.statuses });
    const modifiedAt = latest(salesforceDatetime(modstamp), salesforceDatetime(opportunity?.SystemModstamp));
    const changed = modifiedAt === null ? {} : { modifiedAt };
    if (!salesforceBoolean(values.IsConverted)) {
      // Rejected through Accord only: sent back to marketing, not lost.
      const status = salesforceText(values.Status)?.trim().toLowerCase();
      const closed = context.profile.statuses.closedStatuses.some((s) => s.trim().toLowerCase() === status);
      outcomes.push({ lead, outcome: 0, createdAt, ...(closed ? { deal: { result: 'lost', at: null, amount: null } } : {}), ...changed });
      continue;
    }
    const lost = opportunity != null && salesforceBoolean(opportunity.IsClosed) && !salesforceBoolean(opportunity.IsWon);
    const closedAt = salesforceDatetime(convertedDate);
    const deal = dealOf(opportunity ?? null);
    outcomes.push({ lead, outcome: lost ? 0 : 1, createdAt, ...(closedAt === null ? {} : { closedAt }), ...(deal === null ? {} : { deal }), ...changed });
  }
  return { outcomes, after: page.done ? null : (page.nextRecordsUrl ?? null) };
}

/** The scoreboard's verdict on a converted lead: its opportunity closed won or lost; open (or none) is no verdict yet. */
function dealOf(opportunity: OpportunityFields | null): ClosedDeal | null {
  if (opportunity === null || !salesforceBoolean(opportunity.IsClosed)) return null;
  // CloseDate is a date without a time: midnight UTC of that day.
  const closeDate = salesforceText(opportunity.CloseDate);
  const at = closeDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(closeDate) ? `${closeDate}T00:00:00.000Z` : null;
  return { result: salesforceBoolean(opportunity.IsWon) ? 'won' : 'lost', at, amount: salesforceNumber(opportunity.Amount) };
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return a > b ? a : b;
}
