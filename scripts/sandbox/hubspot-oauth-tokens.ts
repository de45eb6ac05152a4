import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import { HubspotOauthError } from './hubspot-oauth-error';

export const accessTokenLifetimeSeconds = 1800;
const authorizationCodeLifetimeMs = 10 * 60 * 1000;

export interface HubspotTokenResponse {
  token_type: 'bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'expired'; expiredAt: number };

interface OauthApp {
  /** Undefined: any client id is taken, as long as the secret matches. */
  clientId?: string;
  clientSecret: string;
  appId: string;
  portalId: string;
  scopes: readonly string[];
}

interface Grant {
  refreshToken: string;
  redirectUri: string;
  scopes: readonly string[];
}

/**
 * The portal's OAuth side for the one installed app: authorization codes (single use, 10 minutes),
 * access tokens (30 minutes) and refresh tokens (until revoked). The configured static token never expires.
 */
export class HubspotOauthTokens {
  private readonly codes = new Map<string, { redirectUri: string; scopes: readonly string[]; expiresAt: number }>();
  private readonly accessTokens = new Map<string, { expiresAt: number; scopes: readonly string[] }>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(
    private readonly app: OauthApp,
    private readonly staticAccessToken: string,
    private readonly clock: Clock,
  ) {}

  check(token: string): TokenCheck {
    if (token === this.staticAccessToken) return { ok: true };
    const issued = this.accessTokens.get(token);
    if (!issued) return { ok: false, reason: 'unknown' };
    return issued.expiresAt > this.clock() ? { ok: true } : { ok: false, reason: 'expired', expiredAt: issued.expiresAt };
  }

  /** What HubSpot's consent screen does once the user clicks "Connect app": mint a code for the redirect. */
  authorize(request: { clientId: string; redirectUri: string; scopes: readonly string[] }): string {
    this.assertClientId(request.clientId);
    const code = randomUUID();
    this.codes.set(code, { redirectUri: request.redirectUri, scopes: request.scopes, expiresAt: this.clock() + authorizationCodeLifetimeMs });
    return code;
  }

  /** `POST /oauth/v1/token` for both grant types. */
  exchange(form: Record<string, string | undefined>): HubspotTokenResponse {
    this.assertClientId(form.client_id);
    if (form.client_secret !== this.app.clientSecret) throw new HubspotOauthError('BAD_CLIENT_SECRET', 'missing or invalid client secret');
    if (form.grant_type === 'authorization_code') return this.exchangeCode(form.code, form.redirect_uri);
    if (form.grant_type === 'refresh_token') return this.refresh(form.refresh_token);
    throw new HubspotOauthError('BAD_GRANT_TYPE', `unsupported grant_type: ${form.grant_type ?? '(missing)'}`);
  }

  /** `GET /oauth/v1/access-tokens/:token`: what an app reads to learn the portal it was installed in. */
  accessTokenInfo(token: string) {
    const issued = this.accessTokens.get(token);
    const isStatic = token === this.staticAccessToken;
    if (!isStatic && (!issued || issued.expiresAt <= this.clock())) throw new HubspotOauthError('NOT_FOUND', 'access token not found or expired', 404);
    return {
      token,
      user: 'sandbox.admin@sandbox-hardware.example',
      hub_domain: `sandbox-${this.app.portalId}.hubspot.com`,
      scopes: [...(issued?.scopes ?? this.app.scopes)],
      hub_id: Number(this.app.portalId),
      app_id: Number(this.app.appId),
      expires_in: issued ? Math.max(0, Math.floor((issued.expiresAt - this.clock()) / 1000)) : accessTokenLifetimeSeconds,
      user_id: 9000001,
      token_type: 'access',
    };
  }

  refreshTokenInfo(token: string) {
    const grant = this.refreshTokens.get(token);
    if (!grant) throw new HubspotOauthError('NOT_FOUND', 'refresh token not found', 404);
    return {
      token,
      user: 'sandbox.admin@sandbox-hardware.example',
      hub_domain: `sandbox-${this.app.portalId}.hubspot.com`,
      scopes: [...grant.scopes],
      hub_id: Number(this.app.portalId),
      client_id: this.app.clientId ?? 'sandbox-client-id',
      user_id: 9000001,
      token_type: 'refresh',
    };
  }

  revokeRefreshToken(token: string): void {
    if (!this.refreshTokens.delete(token)) throw new HubspotOauthError('NOT_FOUND', 'refresh token not found', 404);
  }

  private exchangeCode(code: string | undefined, redirectUri: string | undefined): HubspotTokenResponse {
    const issued = code ? this.codes.get(code) : undefined;
    if (!code || !issued || issued.expiresAt <= this.clock()) throw new HubspotOauthError('BAD_AUTH_CODE', 'missing or unknown auth code');
    if (redirectUri !== issued.redirectUri) throw new HubspotOauthError('BAD_REDIRECT_URI', 'redirect_uri does not match the one the code was issued for');
    this.codes.delete(code);
    const grant: Grant = { refreshToken: randomUUID(), redirectUri: issued.redirectUri, scopes: issued.scopes };
    this.refreshTokens.set(grant.refreshToken, grant);
    return this.issueAccessToken(grant);
  }

  private refresh(refreshToken: string | undefined): HubspotTokenResponse {
    const grant = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    if (!grant) throw new HubspotOauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    return this.issueAccessToken(grant);
  }

  private issueAccessToken(grant: Grant): HubspotTokenResponse {
    const accessToken = `CN${randomBytes(32).toString('base64url')}`;
    this.accessTokens.set(accessToken, { expiresAt: this.clock() + accessTokenLifetimeSeconds * 1000, scopes: grant.scopes });
    return { token_type: 'bearer', access_token: accessToken, refresh_token: grant.refreshToken, expires_in: accessTokenLifetimeSeconds };
  }

  private assertClientId(clientId: string | undefined): void {
    if (!clientId || (this.app.clientId !== undefined && clientId !== this.app.clientId)) {
      throw new HubspotOauthError('BAD_CLIENT_ID', 'missing or invalid client_id');
    }
  }
}
