import type { InboundRequest, VerifyResult } from '../../src/core/crm-adapter';
import { checkHubspotV3 } from './hubspot-signature-v3';
import { readHeader } from './read-header';

/** Accepts only v3-signed webhook requests: v1/v2 carry no timestamp, so they can be replayed forever. */
export function verifyHubspotRequest(clientSecret: string, request: InboundRequest): VerifyResult {
  const check = checkHubspotV3({
    clientSecret,
    method: request.method,
    uri: request.url,
    body: request.rawBody,
    signature: readHeader(request.headers, 'X-HubSpot-Signature-v3'),
    timestamp: readHeader(request.headers, 'X-HubSpot-Request-Timestamp'),
    now: request.now,
  });
  return check.ok ? { ok: true } : { ok: false, status: 401, message: check.message };
}
