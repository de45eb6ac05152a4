import { createHash } from 'node:crypto';
import { constantTimeEqual } from './hubspot-signature-v3';

/**
 * HubSpot's v1 signature: hex SHA-256 of client secret + raw body.
 * Accord accepts only v3 on its webhook; this exists to prove our reading of HubSpot's
 * published vector, which is only given for v1.
 */
export function checkHubspotV1(clientSecret: string, body: Buffer | string, signature: string): boolean {
  const expected = createHash('sha256').update(clientSecret).update(body).digest('hex');
  return constantTimeEqual(expected, signature.toLowerCase());
}
