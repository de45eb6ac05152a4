import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';

export interface HubspotCaller {
  portalId?: string;
  userId?: string;
  userEmail?: string;
  /** Signature overrides, to forge or age a request. */
  secret?: string;
  timestamp?: string;
  unsigned?: boolean;
}

/** Calls Accord's API as `hubspot.fetch` does: HubSpot appends the caller to the query and signs the whole request. */
export async function hubspotFetch(baseUrl: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, caller: HubspotCaller = {}) {
  const query = new URLSearchParams({
    userId: caller.userId ?? '9001',
    userEmail: caller.userEmail ?? 'maria@example.com',
    appId: sandboxDefaults.appId,
    portalId: caller.portalId ?? sandboxDefaults.portalId,
  });
  const url = `${baseUrl}/api/hubspot${path}?${query.toString()}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = caller.timestamp ?? String(Date.now());
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!caller.unsigned) {
    headers['x-hubspot-request-timestamp'] = timestamp;
    headers['x-hubspot-signature-v3'] = signHubspotV3(caller.secret ?? sandboxDefaults.clientSecret, method, url, raw, timestamp);
  }
  const response = await fetch(url, { method, headers, ...(raw ? { body: raw } : {}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: string } };
}
