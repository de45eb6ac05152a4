import { CrmRateLimitedError, CrmUnavailableError } from '../../src/core/crm-adapter';
import { HubspotRequestError } from './hubspot-request-error';
import { hubspotRetryAfterMs } from './hubspot-retry-after-ms';
import { HubspotTokenRejectedError } from './hubspot-token-rejected-error';

/** What the SDK's ApiException carries (duck-typed: each generated API module has its own ApiException class). */
interface ErrorResponse {
  code: number;
  body: unknown;
  headers: Record<string, string>;
}

const transientNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Turns whatever the SDK threw into Accord's errors: rate limited, unavailable, token rejected, or a request error. */
export function translateHubspotError(error: unknown, action: string, now: number = Date.now()): Error {
  if (error instanceof CrmRateLimitedError || error instanceof CrmUnavailableError) return error;
  if (isErrorResponse(error)) return fromResponse(error, action, now);
  const networkCode = networkCodeOf(error);
  if (networkCode && transientNetworkCodes.has(networkCode)) {
    return new CrmUnavailableError(`HubSpot could not be reached while trying to ${action} (${networkCode})`, null);
  }
  if (isUnparsableResponse(error)) {
    // The SDK only fails this way when a response has no JSON body, which HubSpot's API never sends on purpose:
    // it is an edge/proxy failure (typically a bare 502/503) whose status the SDK has thrown away.
    return new CrmUnavailableError(`HubSpot answered without a readable body while trying to ${action}`, null);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function fromResponse(response: ErrorResponse, action: string, now: number): Error {
  const { code } = response;
  const body = typeof response.body === 'object' && response.body !== null ? (response.body as Record<string, unknown>) : {};
  const message = typeof body.message === 'string' ? body.message : typeof response.body === 'string' ? response.body.slice(0, 200) : '';
  const summary = `HubSpot answered ${code} while trying to ${action}${message ? `: ${message}` : ''}`;
  if (code === 429) {
    const policyName = typeof body.policyName === 'string' ? body.policyName : null;
    return new CrmRateLimitedError(summary, hubspotRetryAfterMs(response.headers, policyName, now));
  }
  if (code >= 500) return new CrmUnavailableError(summary, code);
  if (code === 401) return new HubspotTokenRejectedError(action);
  const category = typeof body.category === 'string' ? body.category : null;
  return new HubspotRequestError(summary, code, category, idsNamedIn(body));
}

// Batch errors name the records they are about in `context.ids` (HubSpot's StandardError shape).
function idsNamedIn(body: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const collect = (candidate: unknown): void => {
    if (typeof candidate !== 'object' || candidate === null) return;
    const ids = (candidate as { context?: { ids?: unknown } }).context?.ids;
    if (Array.isArray(ids)) ids.forEach((id) => found.add(String(id)));
  };
  collect(body);
  if (Array.isArray(body.errors)) body.errors.forEach(collect);
  return [...found];
}

function isErrorResponse(error: unknown): error is ErrorResponse {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<ErrorResponse>;
  return typeof candidate.code === 'number' && typeof candidate.headers === 'object' && candidate.headers !== null;
}

function networkCodeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  if (typeof code === 'string') return code;
  return typeof errno === 'string' ? errno : null;
}

function isUnparsableResponse(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  if (!(error instanceof Error)) return false;
  return /Cannot parse content|is not supported by ObjectSerializer\.parse/.test(error.message);
}
