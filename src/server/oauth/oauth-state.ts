import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../../../adapters/hubspot/hubspot-signature-v3';

/** How long an admin may take on the CRM's consent screen. */
export const oauthStateLifetimeMs = 10 * 60 * 1000;

export interface OauthState {
  crm: 'hubspot' | 'salesforce';
  nonce: string;
  expiresAt: number;
}

function stateKey(secretKey: string): Buffer {
  // Its own key, derived from ACCORD_SECRET_KEY, so a state signature can never pass for anything else.
  return Buffer.from(hkdfSync('sha256', secretKey, 'accord', 'oauth-state', 32));
}

/** `base64url(JSON payload).base64url(HMAC)`: the callback can check it without having stored anything. */
export function signOauthState(secretKey: string, crm: OauthState['crm'], now: number): string {
  const payload: OauthState = { crm, nonce: randomBytes(16).toString('base64url'), expiresAt: now + oauthStateLifetimeMs };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', stateKey(secretKey)).update(body).digest('base64url')}`;
}

/** The state's payload when it is ours, for this CRM and not expired; null otherwise. Single use is the store's job. */
export function readOauthState(secretKey: string, crm: OauthState['crm'], state: string, now: number): OauthState | null {
  const [body, signature, extra] = state.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = createHmac('sha256', stateKey(secretKey)).update(body).digest('base64url');
  if (!constantTimeEqual(expected, signature)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<OauthState>;
    if (payload.crm !== crm || typeof payload.nonce !== 'string' || typeof payload.expiresAt !== 'number') return null;
    return payload.expiresAt > now ? (payload as OauthState) : null;
  } catch {
    return null;
  }
}

/**
 * The PKCE verifier of one install, derived from its state's nonce: the callback recomputes it from
 * the state it receives, so nothing is stored between the redirect and the callback, and only the
 * holder of ACCORD_SECRET_KEY can produce it. 43 base64url characters (RFC 7636's minimum).
 */
export function pkceVerifier(secretKey: string, nonce: string): string {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'accord', 'oauth-pkce', 32));
  return createHmac('sha256', key).update(nonce).digest('base64url');
}

/** S256: base64url(SHA-256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
