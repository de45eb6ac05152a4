import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { SalesforceOauthError } from './salesforce-oauth-error';

export interface SalesforceSessionsOptions {
  clientId: string;
  clientSecret: string;
  /** How long an access token lives (Salesforce: the org's session timeout, 2 h by default). */
  sessionTtlMs: number;
  clock: Clock;
}

interface Session {
  userId: string;
  expiresAt: number;
  /** The refresh token it was issued from: revoking that ends it too, as in Salesforce. */
  grantedBy: string | null;
}

/** The connected app's refresh tokens and the access tokens (sessions) issued from them. */
export class SalesforceSessions {
  private readonly refreshTokens = new Map<string, string>();
  private readonly sessions = new Map<string, Session>();
  refreshes = 0;

  constructor(private readonly options: SalesforceSessionsOptions) {}

  /** A refresh token for `userId` (the sandbox's stand-in for a user authorizing the app). */
  grant(refreshToken: string, userId: string): void {
    this.refreshTokens.set(refreshToken, userId);
  }

  /** A new refresh token for `userId`: what a completed authorization-code flow grants. */
  grantNew(userId: string): string {
    const refreshToken = `5Aep${randomBytes(32).toString('base64url')}`;
    this.grant(refreshToken, userId);
    return refreshToken;
  }

  /** Revokes a refresh token and every session issued from it (`POST /services/oauth2/revoke`); false when unknown. */
  revokeRefreshToken(refreshToken: string): boolean {
    if (!this.refreshTokens.delete(refreshToken)) return false;
    for (const [token, session] of this.sessions) if (session.grantedBy === refreshToken) this.sessions.delete(token);
    return true;
  }

  /** The connected app's id, and its secret when one is sent (a PKCE client may send none). */
  checkClient(clientId: string | undefined, clientSecret: string | undefined): void {
    if (clientId !== this.options.clientId) throw new SalesforceOauthError('invalid_client_id', 'client identifier invalid');
    if (clientSecret !== undefined && clientSecret !== this.options.clientSecret) {
      throw new SalesforceOauthError('invalid_client', 'invalid client credentials');
    }
  }

  /** grant_type=refresh_token: checks the client and the refresh token, issues a session. */
  refresh(input: { clientId: string | undefined; clientSecret: string | undefined; refreshToken: string | undefined }): { accessToken: string; userId: string } {
    this.checkClient(input.clientId, input.clientSecret);
    const userId = input.refreshToken ? this.refreshTokens.get(input.refreshToken) : undefined;
    if (!userId) throw new SalesforceOauthError('invalid_grant', 'expired access/refresh token');
    this.refreshes += 1;
    return { accessToken: this.issue(userId, input.refreshToken ?? null), userId };
  }

  /** An access token for a user, e.g. one the sandbox hands out directly. */
  issue(userId: string, grantedBy: string | null = null): string {
    const accessToken = `00D!${randomBytes(24).toString('base64url')}`;
    this.sessions.set(accessToken, { userId, expiresAt: this.options.clock() + this.options.sessionTtlMs, grantedBy });
    return accessToken;
  }

  /** The user of a live session; null for unknown or expired tokens. */
  userOf(accessToken: string): string | null {
    const session = this.sessions.get(accessToken);
    if (!session) return null;
    if (session.expiresAt <= this.options.clock()) {
      this.sessions.delete(accessToken);
      return null;
    }
    return session.userId;
  }

  /** Ends every session, as a timeout or an admin's "revoke all" would: clients must refresh. */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }
}
