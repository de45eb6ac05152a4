import type { ClosedDeal, OutcomeLead, OutcomeRules } from '../../src/core/crm-adapter';
import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';
import { hubspotContactProperties, hubspotContactToLead, type HubspotContact } from './hubspot-contact-to-lead';
import { parseHubspotDate } from './parse-hubspot-date';
import { parseHubspotNumber } from './parse-hubspot-number';

export const defaultWonStages: readonly string[] = ['salesqualifiedlead', 'opportunity', 'customer'];
export const defaultLostStatuses: readonly string[] = ['UNQUALIFIED', 'BAD_TIMING'];

/**
 * What HubSpot rolls up onto a contact about its deals (the scoreboard's won date and amount); read
 * only here, the worker's contact read does not need them.
 */
const dealProperties = ['hs_lifecyclestage_customer_date', 'recent_deal_amount', 'total_revenue'] as const;

/** Search answers at most 200 per page and never past the 10,000th result of one query. */
const pageSize = 200;
export const hubspotSearchResultCap = 10_000;

/**
 * Where a listing stands: the created-date window it is in (`from`, epoch ms, inclusive), the offset
 * inside that window, and the ids already seen at the window's first instant (a new window starts
 * at the last instant of the previous one, so contacts created in the same millisecond are not lost).
 */
interface OutcomeCursor {
  from: number | null;
  /** Past `from` only: everything created at it has been read. */
  pastFrom?: boolean;
  offset: number;
  seenAtFrom: string[];
  /** The newest instant read so far and the ids read at it: the next window's start. */
  lastAt: number | null;
  idsAtLast: string[];
}

type SearchRequest = Parameters<HubspotApis['contactsSearch']['doSearch']>[0];

/**
 * One page of contacts whose outcome is known, oldest created first. Won: a lifecycle stage from
 * `wonStages`; lost: a lead status from `lostStatuses` or a rejection sent through Accord; open
 * contacts are not outcomes yet. Past the search cap the listing starts a new query at the last
 * created date read (`resultCap` is HubSpot's 10,000; tests pass less).
 */
export async function listHubspotOutcomeLeads(
  apis: HubspotApis,
  tenantId: string,
  after: string | null,
  rules: OutcomeRules,
  timeoutMs: number,
  resultCap = hubspotSearchResultCap,
): Promise<{ outcomes: OutcomeLead[]; after: string | null }> {
  const wonStages = rules.wonStages ?? defaultWonStages;
  const lostStatuses = rules.lostStatuses ?? defaultLostStatuses;
  const won = lowerSet(wonStages);
  const lost = lowerSet(lostStatuses);
  const cursor = parseCursor(after);
  const created = (operator: string, ms: number | null) => (ms === null ? [] : [{ propertyName: 'createdate', operator, value: String(ms) }]);
  const modifiedSince = rules.modifiedSince === undefined ? null : Date.parse(rules.modifiedSince);
  if (modifiedSince !== null && !Number.isFinite(modifiedSince)) throw new Error(`modifiedSince is not an instant: ${rules.modifiedSince}`);
  const changed = modifiedSince === null ? [] : [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(modifiedSince) }];
  const search = (createdFilter: object[], limit: number, offset: number) => {
    const since = [...createdFilter, ...changed];
    const request = {
      filterGroups: [
        { filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: [...wonStages] }, ...since] },
        { filters: [{ propertyName: 'hs_lead_status', operator: 'IN', values: [...lostStatuses] }, ...since] },
        { filters: [{ propertyName: 'accord_rejection_reason', operator: 'HAS_PROPERTY' }, ...since] },
      ],
      sorts: [{ propertyName: 'createdate', direction: 'ASCENDING' }],
      properties: [...hubspotContactProperties, ...dealProperties],
      limit,
      after: String(offset),
    } as unknown as SearchRequest;
    return callHubspot('search contacts with outcomes', timeoutMs, () =>
      // POST /crm/v3/objects/contacts/search
      apis.contactsSearch.doSearch(request),
    );
  };
  const page = await search(created(cursor.pastFrom ? 'GT' : 'GTE', cursor.from), Math.min(pageSize, resultCap - cursor.offset), cursor.offset);

  const seen = new Set(cursor.seenAtFrom);
  const outcomes: OutcomeLead[] = [];
  let { lastAt, idsAtLast } = cursor;
  let fresh = 0;
  for (const contact of page.results as HubspotContact[]) {
    const createdAt = parseHubspotDate(contact.properties.createdate ?? null);
    if (createdAt === null) continue;
    const at = Date.parse(createdAt);
    if (at === lastAt) idsAtLast = [...idsAtLast, contact.id];
    else [lastAt, idsAtLast] = [at, [contact.id]];
    if (seen.has(contact.id)) continue;
    fresh += 1;
    const outcome = outcomeOf(contact, won, lost);
    if (outcome === null) continue;
    const deal = dealOf(contact);
    const modifiedAt = parseHubspotDate(contact.properties.lastmodifieddate ?? null);
    outcomes.push({ lead: hubspotContactToLead(tenantId, contact), outcome, createdAt, ...(deal === null ? {} : { deal }), ...(modifiedAt === null ? {} : { modifiedAt }) });
  }

  const read = cursor.offset + page.results.length;
  const nextOffset = page.paging?.next?.after;
  if (nextOffset !== undefined && Number(nextOffset) < resultCap) return { outcomes, after: formatCursor({ ...cursor, offset: Number(nextOffset), lastAt, idsAtLast }) };
  if (page.results.length === 0 || read >= page.total) return { outcomes, after: null };
  // The cap: the rest is another query starting at the newest created date read.
  if (lastAt === null) return { outcomes, after: null };
  if (lastAt === cursor.from && fresh === 0) {
    // A whole query's worth created in one millisecond, all read: go past it if that was all of them.
    const sameInstant = await search(created('EQ', lastAt), 1, 0);
    if (sameInstant.total > new Set(idsAtLast).size) throw new Error(`more than ${resultCap} contacts were created at ${new Date(lastAt).toISOString()}; HubSpot search cannot page past them`);
    return { outcomes, after: formatCursor({ from: lastAt, pastFrom: true, offset: 0, seenAtFrom: [], lastAt, idsAtLast }) };
  }
  return { outcomes, after: formatCursor({ from: lastAt, offset: 0, seenAtFrom: idsAtLast, lastAt, idsAtLast }) };
}

function outcomeOf(contact: HubspotContact, won: ReadonlySet<string>, lost: ReadonlySet<string>): 0 | 1 | null {
  const value = (name: string) => (contact.properties[name] ?? '').trim().toLowerCase();
  if (won.has(value('lifecyclestage'))) return 1;
  if (lost.has(value('hs_lead_status')) || value('accord_rejection_reason') !== '') return 0;
  return null;
}

/**
 * The scoreboard's verdict: a customer has won (HubSpot sets the lifecycle stage once a deal closes
 * won), an unqualified lead status is a disqualification; sales-qualified and opportunity are open.
 */
function dealOf(contact: HubspotContact): ClosedDeal | null {
  const value = (name: string) => (contact.properties[name] ?? '').trim();
  const amount = parseHubspotNumber(contact.properties.recent_deal_amount ?? null) ?? parseHubspotNumber(contact.properties.total_revenue ?? null);
  if (value('lifecyclestage').toLowerCase() === 'customer') return { result: 'won', at: parseHubspotDate(contact.properties.hs_lifecyclestage_customer_date ?? null), amount };
  if (value('hs_lead_status').toUpperCase() === 'UNQUALIFIED') return { result: 'lost', at: null, amount: null };
  return null;
}

function lowerSet(values: readonly string[]): Set<string> {
  return new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''));
}

function parseCursor(after: string | null): OutcomeCursor {
  if (after === null) return { from: null, offset: 0, seenAtFrom: [], lastAt: null, idsAtLast: [] };
  try {
    return JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as OutcomeCursor;
  } catch {
    throw new Error('not a cursor of this listing');
  }
}

function formatCursor(cursor: OutcomeCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}
