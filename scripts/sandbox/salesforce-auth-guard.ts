import type { RequestHandler } from 'express';
import { bearerToken } from './bearer-token';
import { SalesforceApiError } from './salesforce-api-error';
import type { SalesforceSessions } from './salesforce-sessions';

/** Refuses calls without a live session, as Salesforce does (which makes jsforce refresh), and remembers the session's user. */
export function salesforceAuthGuard(sessions: SalesforceSessions): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req);
    const userId = token ? sessions.userOf(token) : null;
    if (userId === null) return next(new SalesforceApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));
    res.locals.salesforceUserId = userId;
    next();
  };
}

/** The user whose session made this call (set by the auth guard). */
export function callingUser(locals: Record<string, unknown>): string {
  const userId = locals.salesforceUserId;
  if (typeof userId !== 'string') throw new Error('salesforceAuthGuard did not run');
  return userId;
}
