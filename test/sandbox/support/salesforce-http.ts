import type { Sandbox } from '../../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../../scripts/sandbox/sandbox-options';

export interface SalesforceAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A session for the integration user, through the OAuth refresh-token grant. */
export async function integrationSession(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: sandboxDefaults.salesforce.refreshToken,
      client_id: sandboxDefaults.salesforce.clientId,
      client_secret: sandboxDefaults.salesforce.clientSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Plain HTTP to the sandbox org, for what jsforce hides (statuses, headers, exact bodies). */
export async function salesforceCall(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<SalesforceAnswer> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // HTML gateway pages stay text.
  }
  return { status: response.status, headers: response.headers, body };
}

export const soql = (query: string) => `/services/data/v62.0/query?q=${encodeURIComponent(query)}`;
