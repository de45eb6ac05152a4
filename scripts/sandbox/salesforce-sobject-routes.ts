import type { Router } from 'express';
import { SalesforceApiError } from './salesforce-api-error';
import { apiVersionOf } from './salesforce-api-version';
import { callingUser } from './salesforce-auth-guard';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { restLead } from './rest-lead';
import { withAssignmentRule } from './salesforce-write-input';

const notFound = () => new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

function leadOnly(type: unknown): void {
  if (type !== 'Lead') throw new SalesforceApiError(404, 'NOT_FOUND', `The requested resource does not exist (the sandbox serves Lead only, not ${String(type)})`);
}

/** Single-record Lead routes, the Lead describe, and the org's limits. */
export function registerSalesforceSObjectRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const { state } = ctx;

  router.get('/services/data/:version/sobjects/:type/describe', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    leadOnly(req.params.type);
    res.json({
      name: 'Lead',
      label: 'Lead',
      keyPrefix: '00Q',
      createable: true,
      updateable: true,
      queryable: true,
      fields: [...state.leadFields().values()].map((spec) => ({
        name: spec.name,
        label: spec.label,
        type: spec.type,
        length: spec.length ?? 0,
        custom: spec.custom,
        createable: spec.createable,
        updateable: spec.updateable,
        nillable: spec.nillable,
        referenceTo: spec.referenceTo ?? [],
        restrictedPicklist: spec.restrictedPicklist ?? false,
        picklistValues: (spec.picklistValues ?? []).map((value) => ({ value, label: value, active: true, defaultValue: false })),
      })),
    });
  });

  router.post('/services/data/:version/sobjects/:type', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    leadOnly(req.params.type);
    const record = state.leads.create(withAssignmentRule(req, ctx, { ...(req.body as Record<string, unknown>) }), callingUser(res.locals));
    res.status(201).json({ id: record.Id, success: true, errors: [] });
  });

  router.get('/services/data/:version/sobjects/:type/:id', ...ctx.guards, (req, res) => {
    const version = apiVersionOf(req);
    leadOnly(req.params.type);
    const record = state.leads.find(String(req.params.id));
    if (!record) throw notFound();
    const only = typeof req.query.fields === 'string' ? req.query.fields.split(',').map((f) => f.trim()).filter(Boolean) : undefined;
    res.json(restLead(record, state.leadFields(), version, only));
  });

  router.patch('/services/data/:version/sobjects/:type/:id', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    leadOnly(req.params.type);
    if (!state.leads.find(String(req.params.id))) throw notFound();
    state.leads.update(String(req.params.id), withAssignmentRule(req, ctx, { ...(req.body as Record<string, unknown>) }), callingUser(res.locals));
    res.status(204).end();
  });

  router.get('/services/data/:version/limits', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    res.json({
      DailyApiRequests: { Max: state.apiUsage.max, Remaining: Math.max(0, state.apiUsage.max - state.apiUsage.used) },
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
    });
  });
}
