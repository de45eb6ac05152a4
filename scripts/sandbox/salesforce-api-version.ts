import type { Request } from 'express';
import { SalesforceApiError } from './salesforce-api-error';
import { apiVersionPattern } from './salesforce-route-context';

/** The `:version` of a data API path (`v62.0`); anything else is Salesforce's 404. */
export function apiVersionOf(req: Request): string {
  const version = String(req.params.version ?? '');
  if (!apiVersionPattern.test(version)) throw new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return version;
}

export function sobjectUrl(version: string) {
  return (type: string, id: string) => `/services/data/${version}/sobjects/${type}/${id}`;
}
