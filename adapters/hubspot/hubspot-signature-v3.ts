import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot refuses (and so do we) v3 signatures whose timestamp is older than this. */
export const maxSignatureAgeMs = 5 * 60 * 1000;

// HubSpot signs the URI with these escapes decoded (developers.hubspot.com, "Validating requests").
const decodedInUri: Array<[RegExp, string]> = [
  [/%3A/gi, ':'],
  [/%2F/gi, '/'],
  [/%3F/gi, '?'],
  [/%40/gi, '@'],
  [/%21/gi, '!'],
  [/%24/gi, '$'],
  [/%27/gi, "'"],
  [/%28/gi, '('],
  [/%29/gi, ')'],
  [/%2A/gi, '*'],
  [/%2C/gi, ','],
  [/%3B/gi, ';'],
];

function decodeSignedUri(uri: string): string {
  return decodedInUri.reduce((u, [pattern, char]) => u.replace(pattern, char), uri);
}

/** base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)) — HubSpot's v3 signature. */
export function signHubspotV3(clientSecret: string, method: string, uri: string, body: Buffer | string, timestamp: string): string {
  return createHmac('sha256', clientSecret)
    .update(method.toUpperCase())
    .update(decodeSignedUri(uri))
    .update(body)
    .update(timestamp)
    .digest('base64');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time independent of the input.
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

export type SignatureCheck = { ok: true } | { ok: false; message: string };

/** Checks a v3 signature: present, fresh (≤ 5 minutes old, not from the future) and equal in constant time. */
export function checkHubspotV3(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  now: number;
}): SignatureCheck {
  if (!input.signature) return { ok: false, message: 'missing X-HubSpot-Signature-v3 header' };
  if (!input.timestamp) return { ok: false, message: 'missing X-HubSpot-Request-Timestamp header' };
  const sentAt = Number(input.timestamp);
  if (!Number.isFinite(sentAt)) return { ok: false, message: 'X-HubSpot-Request-Timestamp is not a number' };
  if (input.now - sentAt > maxSignatureAgeMs) return { ok: false, message: 'request timestamp is older than 5 minutes' };
  if (sentAt - input.now > maxSignatureAgeMs) return { ok: false, message: 'request timestamp is in the future' };
  const expected = signHubspotV3(input.clientSecret, input.method, input.uri, input.body, input.timestamp);
  if (!constantTimeEqual(expected, input.signature)) return { ok: false, message: 'signature does not match' };
  return { ok: true };
}
