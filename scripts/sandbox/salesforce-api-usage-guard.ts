import type { RequestHandler } from 'express';
import type { SalesforceApiUsage } from './salesforce-api-usage';
import { requestLimitExceeded } from './salesforce-api-error';

/** Counts the call against the org's daily allocation and reports usage in `Sforce-Limit-Info`, as Salesforce does. */
export function salesforceApiUsageGuard(usage: SalesforceApiUsage, clients: Map<string, number>): RequestHandler {
  return (req, res, next) => {
    // Sforce-Call-Options: client=accord — who is calling, by the header the app sends.
    const client = /client=([^,\s]+)/.exec(req.get('sforce-call-options') ?? '')?.[1] ?? '(none)';
    clients.set(client, (clients.get(client) ?? 0) + 1);
    const allowed = usage.take();
    res.set('Sforce-Limit-Info', `api-usage=${usage.used}/${usage.max}`);
    if (!allowed) return next(requestLimitExceeded());
    next();
  };
}
