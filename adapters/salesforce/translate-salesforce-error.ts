import { CrmRateLimitedError, CrmUnavailableError } from '../../src/core/crm-adapter';
import { SalesforceRequestError } from './salesforce-request-error';
import { SalesforceSessionRejectedError } from './salesforce-session-rejected-error';

const hourMs = 60 * 60 * 1000;
// The daily allocation is a rolling 24 h total: look again in an hour. Other REQUEST_LIMIT_EXCEEDED
// answers are about concurrent long requests, which clear in seconds.
const dailyLimitWaitMs = hourMs;
const concurrencyLimitWaitMs = 30_000;

// Codes Salesforce answers when it, not the request, is the problem.
const transientErrorCodes = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'REQUEST_RUNNING_TOO_LONG', 'QUERY_TIMEOUT', 'UNABLE_TO_LOCK_ROW']);

// What the token endpoint answers when the refresh token, the app or the user is no longer good.
const oauthRefusals = new Set(['invalid_grant', 'invalid_client', 'invalid_client_id', 'unauthorized_client', 'inactive_user', 'inactive_org', 'ERROR_HTTP_400', 'ERROR_HTTP_401']);

const transientNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Turns whatever jsforce threw into Accord's errors: rate limited, unavailable, session rejected, or a request error. */
export function translateSalesforceError(error: unknown, action: string): Error {
  if (error instanceof CrmRateLimitedError || error instanceof CrmUnavailableError || error instanceof SalesforceSessionRejectedError) return error;
  if (!(error instanceof Error)) return new Error(String(error));
  const { errorCode, code, type } = error as Error & { errorCode?: unknown; code?: unknown; type?: unknown };
  const summary = `Salesforce refused to ${action}: ${error.message.slice(0, 300)}`;
  if (typeof errorCode === 'string') {
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
      return new CrmRateLimitedError(summary, /TotalRequests/i.test(error.message) ? dailyLimitWaitMs : concurrencyLimitWaitMs);
    }
    const httpStatus = /^ERROR_HTTP_(\d{3})$/.exec(errorCode);
    if (httpStatus && Number(httpStatus[1]) >= 500) return new CrmUnavailableError(`Salesforce answered ${httpStatus[1]} while trying to ${action}`, Number(httpStatus[1]));
    if (transientErrorCodes.has(errorCode)) return new CrmUnavailableError(`${summary} (${errorCode})`, null);
    if (errorCode === 'INVALID_SESSION_ID' || errorCode === 'ERROR_HTTP_401') return new SalesforceSessionRejectedError(action, error.message.slice(0, 200));
    return new SalesforceRequestError(summary, errorCode);
  }
  // The token endpoint's OAuth errors carry their code as the name (jsforce's OAuth2 client).
  if (/^ERROR_HTTP_5\d\d$/.test(error.name)) return new CrmUnavailableError(`Salesforce's token endpoint failed while trying to ${action}`, Number(error.name.slice(11)));
  if (oauthRefusals.has(error.name)) return new SalesforceSessionRejectedError(action, `${error.name}: ${error.message.slice(0, 200)}`);
  if (error.name === 'AbortError' || type === 'aborted') return new CrmUnavailableError(`Salesforce did not answer in time while trying to ${action}`, null);
  if (typeof code === 'string' && transientNetworkCodes.has(code)) {
    return new CrmUnavailableError(`Salesforce could not be reached while trying to ${action} (${code})`, null);
  }
  return error;
}
