import { z } from 'zod';
import { callHubspot } from './call-hubspot';
import { createHubspotClient } from './create-hubspot-apis';

const accountDetailsSchema = z.looseObject({ portalId: z.union([z.number(), z.string()]) });

/** Which portal (tenant) a private-app access token belongs to; used at startup. */
export async function readAccountPortalId(accessToken: string, basePath?: string, timeoutMs = 15_000): Promise<string> {
  const client = createHubspotClient(accessToken, basePath);
  const details = await callHubspot('read the account details', timeoutMs, async () => {
    // GET /account-info/v3/details
    const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    const body: unknown = await response.json().catch(() => undefined);
    // apiRequest resolves on any status; throw the SDK's error shape so it is translated like every other call.
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: response.status, body, headers: headersOf(response.headers) });
    return body;
  });
  const parsed = accountDetailsSchema.safeParse(details);
  if (!parsed.success) throw new Error('HubSpot account details carry no portalId');
  return String(parsed.data.portalId);
}

function headersOf(headers: { forEach(callback: (value: string, name: string) => void): void }): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}
