import { Router } from 'express';
import { z } from 'zod';
import { systemClock, type Clock } from './clock';
import { parseRequestBody } from './parse-request-body';
import { restLead } from './rest-lead';
import { opportunityStages } from './salesforce-opportunity';
import type { SalesforceOutboundDelivery } from './salesforce-outbound-delivery';
import type { SalesforceState } from './salesforce-state';

const userId = z.string().regex(/^005[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/, 'must be a user id (005…)').optional();
const fields = z.record(z.string(), z.unknown());
const createBody = z.strictObject({ fields, userId });
const createManyBody = z.strictObject({ records: z.array(z.strictObject({ fields })).min(1).max(200), userId });
const editBody = z.strictObject({ fields, userId });
const actorBody = z.strictObject({ userId }).default({});
// Converting with an opportunity makes one in that state (Lead Convert creates it open; reps close it later).
const opportunityOutcome = z.enum(['open', 'won', 'lost']);
const amount = z.number().nonnegative().nullable().optional();
const convertBody = z.strictObject({ userId, opportunity: opportunityOutcome.optional(), amount }).default({});
// A rep moving the opportunity on (closing it won or lost), as in the UI: the converted lead is not touched.
const opportunityBody = z.strictObject({ outcome: opportunityOutcome, amount });
const outboundBody = z.strictObject({ url: z.url().nullable() });
const userBody = z.strictObject({ IsActive: z.boolean() });
const mergeBody = z.strictObject({ loserIds: z.array(z.string()).min(1).max(2), userId });

const version = 'v62.0';

export interface SalesforceControlDeps {
  state: SalesforceState;
  outbound: SalesforceOutboundDelivery;
  clients: ReadonlyMap<string, number>;
  /** Stamps opportunities as the org's lead store stamps leads. */
  clock?: Clock;
}

/**
 * `/_sandbox/salesforce/*`: not Salesforce. Leads as web-to-lead creates them (owned by the lead queue), edits and conversions as a
 * person in the UI makes them (LastModifiedById = that user, the admin unless one is named), the outbound
 * message endpoint, expired sessions, and what the org saw.
 */
export function salesforceControlRoutes(deps: SalesforceControlDeps): Router {
  const { state, outbound } = deps;
  const clock = deps.clock ?? systemClock;
  const router = Router();
  // Web-to-lead fills what the form left out and hands the lead to the lead queue.
  const webToLead = { fillRequired: true, defaultOwnerId: state.leadQueueId };
  const shown = (record: Parameters<typeof restLead>[0]) => restLead(record, state.leadFields(), version);

  router.get('/', (_req, res) => {
    res.json({
      orgId: state.orgId,
      integrationUserId: state.integrationUserId,
      adminUserId: state.adminUserId,
      leads: state.leads.size,
      users: state.users.size,
      apiUsage: { used: state.apiUsage.used, max: state.apiUsage.max },
      refreshes: state.sessions.refreshes,
      clients: Object.fromEntries(deps.clients),
      outbound: outbound.stats(),
    });
  });

  router.post('/leads', (req, res) => {
    const body = parseRequestBody(createBody, req.body);
    res.status(201).json(shown(state.leads.create(body.fields, body.userId ?? state.adminUserId, webToLead)));
  });

  router.post('/leads/batch', (req, res) => {
    const body = parseRequestBody(createManyBody, req.body);
    const records = body.records.map((record) => state.leads.create(record.fields, body.userId ?? state.adminUserId, webToLead));
    res.status(201).json({ results: records.map(shown) });
  });

  router.get('/leads/:id', (req, res) => {
    const record = state.leads.find(String(req.params.id));
    if (!record) {
      res.status(404).json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    res.json(shown(record));
  });

  router.patch('/leads/:id', (req, res) => {
    const body = parseRequestBody(editBody, req.body);
    res.json(shown(state.leads.update(String(req.params.id), body.fields, body.userId ?? state.adminUserId)));
  });

  router.post('/leads/:id/convert', (req, res) => {
    const body = parseRequestBody(convertBody, req.body);
    let opportunityId: string | null = null;
    const lead = state.leads.find(String(req.params.id));
    if (body.opportunity !== undefined && lead !== undefined && lead.IsConverted !== true) {
      opportunityId = state.newOpportunityId();
      const now = new Date(clock()).toISOString();
      state.opportunities.set(opportunityId, {
        Id: opportunityId,
        Name: String(lead.Company ?? 'Opportunity'),
        CloseDate: now.slice(0, 10),
        Amount: body.amount ?? null,
        LastModifiedDate: now,
        SystemModstamp: now,
        ...opportunityStages[body.opportunity],
      });
    }
    res.json(shown(state.leads.convert(String(req.params.id), body.userId ?? state.adminUserId, opportunityId)));
  });

  router.patch('/opportunities/:id', (req, res) => {
    const body = parseRequestBody(opportunityBody, req.body);
    const opportunity = state.opportunities.get(String(req.params.id));
    if (!opportunity) {
      res.status(404).json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    const now = new Date(clock()).toISOString();
    const closing = body.outcome !== 'open' && !opportunity.IsClosed;
    const changed = { ...opportunity, ...opportunityStages[body.outcome], LastModifiedDate: now, SystemModstamp: now };
    if (closing) changed.CloseDate = now.slice(0, 10);
    if (body.amount !== undefined) changed.Amount = body.amount;
    state.opportunities.set(opportunity.Id, changed);
    res.json(changed);
  });

  // A person deleting a lead in the UI: to the recycle bin and the delete log, no outbound message.
  router.delete('/leads/:id', (req, res) => {
    const body = parseRequestBody(actorBody, req.body);
    state.leads.delete(String(req.params.id), body.userId ?? state.adminUserId);
    res.status(204).end();
  });

  // Merge (SOAP merge(), no REST resource): at most two losers, as Salesforce allows three leads per merge.
  router.post('/leads/:id/merge', (req, res) => {
    const body = parseRequestBody(mergeBody, req.body);
    res.json(shown(state.leads.merge(String(req.params.id), body.loserIds, body.userId ?? state.adminUserId)));
  });

  router.patch('/users/:id', (req, res) => {
    const body = parseRequestBody(userBody, req.body);
    state.users.setActive(String(req.params.id), body.IsActive);
    res.status(204).end();
  });

  router.get('/outbound', (_req, res) => {
    res.json(outbound.stats());
  });

  router.put('/outbound', (req, res) => {
    outbound.setUrl(parseRequestBody(outboundBody, req.body).url);
    res.json(outbound.stats());
  });

  router.post('/sessions/expire', (_req, res) => {
    res.json({ expired: state.sessions.expireAll() });
  });

  return router;
}
