import type { Router } from 'express';
import { restDatetime } from './evaluate-soql';
import { SalesforceApiError } from './salesforce-api-error';
import { apiVersionOf } from './salesforce-api-version';
import { callingUser } from './salesforce-auth-guard';
import type { SalesforceRouteContext } from './salesforce-route-context';

const dayMs = 24 * 60 * 60 * 1000;
/** Salesforce answers deletions for no more than 15 days back (the recycle bin's life). */
export const salesforceDeleteLogDays = 15;
/** The widest window one call may ask for. */
export const salesforceDeletedWindowDays = 30;

// Salesforce writes the offset without a colon (+0000); Date.parse wants +00:00.
const compactOffset = /([+-]\d{2})(\d{2})$/;

function replicationDate(name: string, value: unknown): number {
  if (typeof value !== 'string' || value.trim() === '') throw new SalesforceApiError(400, 'MISSING_ARGUMENT', `${name} was not specified`);
  const ms = Date.parse(value.trim().replace(compactOffset, '$1:$2'));
  if (!Number.isFinite(ms)) throw new SalesforceApiError(400, 'INVALID_PARAMETER_VALUE', `${name}: '${value.slice(0, 40)}' is not a valid date and time`);
  return ms;
}

const refuse = (message: string) => new SalesforceApiError(400, 'INVALID_REPLICATION_DATE', message);

/**
 * `GET /sobjects/Lead/deleted/?start=…&end=…` (the delete log, merged-away leads included) and
 * `DELETE /sobjects/Lead/{id}`. Registered before the single-record routes, whose `:id` would take "deleted".
 */
export function registerSalesforceDeletedRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const { state } = ctx;

  router.get('/services/data/:version/sobjects/:type/deleted', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    if (req.params.type !== 'Lead') throw new SalesforceApiError(404, 'NOT_FOUND', `The requested resource does not exist (the sandbox serves Lead only, not ${String(req.params.type)})`);
    const start = replicationDate('start', req.query.start);
    const end = replicationDate('end', req.query.end);
    const now = ctx.clock();
    if (end > now) throw refuse('end date cannot be in the future');
    if (start >= end) throw refuse('start date must be before end date');
    if (end - start > salesforceDeletedWindowDays * dayMs) throw refuse(`the date range cannot exceed ${salesforceDeletedWindowDays} days`);
    const earliest = Math.floor((now - salesforceDeleteLogDays * dayMs) / 60_000) * 60_000;
    if (start < earliest) throw refuse(`start date cannot be before the earliest date available, ${restDatetime(new Date(earliest).toISOString())}`);
    // Salesforce covers whole minutes: a deletion later in the last minute may come again on the next call.
    const covered = Math.max(start, Math.floor(end / 60_000) * 60_000);
    res.json({
      deletedRecords: state.leads.deletedBetween(start, end).map((entry) => ({ id: entry.id, deletedDate: restDatetime(new Date(entry.deletedAt).toISOString()) })),
      earliestDateAvailable: restDatetime(new Date(earliest).toISOString()),
      latestDateCovered: restDatetime(new Date(covered).toISOString()),
    });
  });

  router.delete('/services/data/:version/sobjects/:type/:id', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    if (req.params.type !== 'Lead') throw new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const id = String(req.params.id);
    if (state.leads.isDeleted(id)) throw new SalesforceApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    if (!state.leads.find(id)) throw new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    state.leads.delete(id, callingUser(res.locals));
    res.status(204).end();
  });
}
