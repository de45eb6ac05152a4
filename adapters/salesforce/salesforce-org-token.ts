import { createHmac, timingSafeEqual } from 'node:crypto';
import { toSalesforceId18 } from './salesforce-id';

/**
 * The secret in an org's outbound-message endpoint (`/webhooks/salesforce/<token>`): base64url of
 * HMAC-SHA256(ACCORD_SECRET_KEY, "salesforce-outbound:" + 18-character org id). Stateless, one per org,
 * and rotated for every org at once by rotating the key.
 */
export function salesforceOrgToken(secretKey: string, organizationId: string): string {
  const org = toSalesforceId18(organizationId) ?? organizationId;
  return createHmac('sha256', secretKey).update(`salesforce-outbound:${org}`).digest('base64url');
}

/** Compares in time independent of where the strings differ (and of the given token's length). */
export function sameToken(expected: string, given: string): boolean {
  const left = Buffer.from(expected);
  const right = Buffer.from(given);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
