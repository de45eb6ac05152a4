import { OAuth2, type TokenResponse } from 'jsforce';
import { AccordTransport } from './accord-transport';
import type { SalesforceClientOptions } from './salesforce-client-options';
import type { SalesforceSession } from './start-salesforce-session';
import { readSalesforceIdentity } from './salesforce-identity';
import { translateSalesforceError } from './translate-salesforce-error';

/** Salesforce refused the grant itself (`invalid_grant`: a revoked refresh token, a spent code): retrying will not help. */
export class SalesforceGrantRefusedError extends Error {
  constructor(action: string, detail: string) {
    super(`Salesforce refused to ${action}: ${detail}`);
    this.name = 'SalesforceGrantRefusedError';
  }
}

type TokenAnswer = TokenResponse & { refresh_token?: string };

function oauth2For(client: SalesforceClientOptions, redirectUri?: string): OAuth2 {
  const oauth2 = new OAuth2({ loginUrl: client.loginUrl, clientId: client.clientId, clientSecret: client.clientSecret, ...(redirectUri ? { redirectUri } : {}) });
  oauth2._transport = new AccordTransport(client.timeoutMs);
  return oauth2;
}

function sessionOf(response: TokenAnswer, refreshToken: string): SalesforceSession {
  return { accessToken: response.access_token, refreshToken: response.refresh_token ?? refreshToken, instanceUrl: response.instance_url.replace(/\/+$/, ''), ...readSalesforceIdentity(response.id) };
}

async function askTokenEndpoint(action: string, request: () => Promise<TokenAnswer>): Promise<TokenAnswer> {
  try {
    return await request();
  } catch (error) {
    // jsforce's OAuth2 client names its errors after the token endpoint's `error` code.
    if (error instanceof Error && error.name === 'invalid_grant') throw new SalesforceGrantRefusedError(action, error.message);
    throw translateSalesforceError(error, action);
  }
}

/** The consent screen's address for the web-server flow with PKCE (no HTTP call: the admin's browser goes there). */
export function salesforceAuthorizeUrl(client: SalesforceClientOptions, request: { redirectUri: string; scope: string; state: string; codeChallenge: string }): string {
  // GET {loginUrl}/services/oauth2/authorize?response_type=code&…
  return oauth2For(client, request.redirectUri).getAuthorizationUrl({
    scope: request.scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
}

/** Trades the code the consent screen sent back (with the PKCE verifier) for a session, and learns the org and user it is for. */
export async function exchangeSalesforceCode(client: SalesforceClientOptions, request: { code: string; codeVerifier: string; redirectUri: string }): Promise<SalesforceSession> {
  const oauth2 = oauth2For(client, request.redirectUri);
  // POST {loginUrl}/services/oauth2/token (grant_type=authorization_code, code_verifier)
  const response = await askTokenEndpoint('exchange the authorization code', () => oauth2.requestToken(request.code, { code_verifier: request.codeVerifier }) as Promise<TokenAnswer>);
  if (!response.refresh_token) throw new SalesforceGrantRefusedError('grant a refresh token', 'the answer has none: the app needs the refresh_token scope');
  return sessionOf(response, response.refresh_token);
}

/** Asks for a new session with a refresh token: proves the grant still stands (SalesforceGrantRefusedError when revoked). */
export async function refreshSalesforceGrant(client: SalesforceClientOptions, refreshToken: string): Promise<SalesforceSession> {
  const oauth2 = oauth2For(client);
  // POST {loginUrl}/services/oauth2/token (grant_type=refresh_token)
  const response = await askTokenEndpoint('refresh the session', () => oauth2.refreshToken(refreshToken) as Promise<TokenAnswer>);
  return sessionOf(response, refreshToken);
}
