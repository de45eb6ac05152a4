import type { Connection } from 'jsforce';
import type { OutcomeLead } from '../../src/core/crm-adapter';
import type { ReadLeadsContext } from './read-salesforce-leads';
import { leadSelectFields } from './salesforce-lead-fields';
import { salesforceRecordToLead } from './salesforce-record-to-lead';
import { salesforceBoolean, salesforceDatetime } from './salesforce-value';
import { soqlString } from './soql-literal';

/** What the query adds to a lead read: how the lead ended, not what it looked like. */
const outcomeFields = ['ConvertedDate', 'ConvertedOpportunity.IsClosed', 'ConvertedOpportunity.IsWon'];

type OutcomeRecord = Record<string, unknown> & { ConvertedOpportunity?: { IsClosed?: unknown; IsWon?: unknown } | null };

/** The SOQL of every lead whose outcome is known, oldest created first. */
export function outcomeLeadsSoql(context: ReadLeadsContext): string {
  const closed = context.profile.statuses.closedStatuses;
  const conditions = ['IsConverted = true', ...(closed.length > 0 ? [`Status IN (${closed.map(soqlString).join(', ')})`] : []), 'Accord_Rejection_Reason__c != null'];
  const fields = [...leadSelectFields(context.profile.optionalFields), ...outcomeFields].join(', ');
  return `SELECT ${fields} FROM Lead WHERE ${conditions.join(' OR ')} ORDER BY CreatedDate, Id`;
}

/**
 * One page of leads whose outcome is known. Won: converted, unless the opportunity it became has
 * closed lost; lost: a status the org uses to close a lead without converting it (its LeadStatus
 * catalog), or a rejection sent through Accord. The cursor is Salesforce's query locator.
 */
export async function listSalesforceOutcomeLeads(connection: Connection, after: string | null, context: ReadLeadsContext): Promise<{ outcomes: OutcomeLead[]; after: string | null }> {
  const page =
    after === null
      ? // GET /services/data/vXX.X/query?q=SELECT … FROM Lead WHERE IsConverted = true OR Status IN (…) OR … ORDER BY CreatedDate, Id
        await connection.query<OutcomeRecord>(outcomeLeadsSoql(context))
      : // GET /services/data/vXX.X/query/{locator}
        await connection.queryMore<OutcomeRecord>(after);
  const outcomes: OutcomeLead[] = [];
  for (const record of page.records) {
    const { ConvertedOpportunity: opportunity, ConvertedDate: convertedDate, ...values } = record;
    const createdAt = salesforceDatetime(values.CreatedDate);
    if (createdAt === null) continue;
    const lead = salesforceRecordToLead(values, { tenantId: context.tenantId, integrationUserId: context.integrationUserId, statuses: context.profile.statuses });
    if (!salesforceBoolean(values.IsConverted)) {
      outcomes.push({ lead, outcome: 0, createdAt });
      continue;
    }
    const lost = opportunity != null && salesforceBoolean(opportunity.IsClosed) && !salesforceBoolean(opportunity.IsWon);
    const closedAt = salesforceDatetime(convertedDate);
    outcomes.push({ lead, outcome: lost ? 0 : 1, createdAt, ...(closedAt === null ? {} : { closedAt }) });
  }
  return { outcomes, after: page.done ? null : (page.nextRecordsUrl ?? null) };
}
