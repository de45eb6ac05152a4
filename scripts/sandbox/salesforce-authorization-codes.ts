import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { SalesforceOauthError } from './salesforce-oauth-error';

/** Salesforce's authorization codes live 15 minutes and are good for one exchange. */
const codeLifetimeMs = 15 * 60 * 1000;

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  /** PKCE: base64url(SHA-256(verifier)); null when the app sent no challenge. */
  codeChallenge: string | null;
  expiresAt: number;
}

/** The web-server flow's codes (the client is checked by the caller): minted by the consent screen, redeemed once at the token endpoint with the PKCE verifier. */
export class SalesforceAuthorizationCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly clock: Clock) {}

  /** What the consent screen does once the user clicks Allow. */
  authorize(request: { clientId: string; redirectUri: string | undefined; codeChallenge: string | undefined; codeChallengeMethod: string | undefined; userId: string }): string {
    if (!request.redirectUri) throw new SalesforceOauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    if (request.codeChallenge !== undefined && (request.codeChallengeMethod ?? 'S256') !== 'S256') {
      throw new SalesforceOauthError('invalid_request', 'code_challenge_method must be S256');
    }
    const code = `aPrx${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      userId: request.userId,
      codeChallenge: request.codeChallenge ?? null,
      expiresAt: this.clock() + codeLifetimeMs,
    });
    return code;
  }

  /** grant_type=authorization_code: the user who consented, once the code, redirect URI and verifier check out. */
  redeem(request: { code: string | undefined; clientId: string | undefined; redirectUri: string | undefined; codeVerifier: string | undefined }): string {
    const issued = request.code ? this.codes.get(request.code) : undefined;
    if (!request.code || !issued || issued.expiresAt <= this.clock()) throw new SalesforceOauthError('invalid_grant', 'invalid authorization code');
    // A code is spent by any attempt, as Salesforce does: a stolen code cannot be retried with guesses.
    this.codes.delete(request.code);
    if (request.clientId !== issued.clientId) throw new SalesforceOauthError('invalid_client_id', 'client identifier invalid');
    if (request.redirectUri !== issued.redirectUri) throw new SalesforceOauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    if (issued.codeChallenge !== null) {
      const computed = request.codeVerifier ? createHash('sha256').update(request.codeVerifier).digest('base64url') : null;
      if (computed !== issued.codeChallenge) throw new SalesforceOauthError('invalid_grant', 'invalid code verifier');
    }
    return issued.userId;
  }
}
