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

  revokeRefreshToken(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
  }

  /** grant_type=refresh_token: checks the client and the refresh token, issues a session. */
  refresh(input: { clientId: string | undefined; clientSecret: string | undefined; refreshToken: string | undefined }): { accessToken: string; userId: string } {
    if (input.clientId !== this.options.clientId) throw new SalesforceOauthError('invalid_client_id', 'client identifier invalid');
    if (input.clientSecret !== undefined && input.clientSecret !== this.options.clientSecret) {
      throw new SalesforceOauthError('invalid_client', 'invalid client credentials');
    }
    const userId = input.refreshToken ? this.refreshTokens.get(input.refreshToken) : undefined;
    if (!userId) throw new SalesforceOauthError('invalid_grant', 'expired access/refresh token');
    this.refreshes += 1;
    return { accessToken: this.issue(userId), userId };
  }

  /** An access token for a user, e.g. one the sandbox hands out directly. */
  issue(userId: string): string {
    const accessToken = `00D!${randomBytes(24).toString('base64url')}`;
    this.sessions.set(accessToken, { userId, expiresAt: this.options.clock() + this.options.sessionTtlMs });
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
