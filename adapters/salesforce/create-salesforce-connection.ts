import { Connection, type TokenResponse } from 'jsforce';
import { AccordTransport } from './accord-transport';
import { recordRefreshFailure, takeRefresh } from './refresh-scope';
import type { SalesforceClientOptions, SalesforceTokens } from './salesforce-client-options';
import { SalesforceSessionRejectedError } from './salesforce-session-rejected-error';

export interface SessionSettings {
  instanceUrl: string;
  accessToken: string | null;
  refreshToken: string | null;
}

/**
 * A jsforce Connection for one org: OAuth2 client from the app settings, the API version pinned,
 * `Sforce-Call-Options: client=accord` on every call, no jsforce retries, and a refresh function that
 * allows one refresh per call and reports new tokens so the tenant's stored credentials follow.
 */
export function createSalesforceConnection(
  session: SessionSettings,
  options: SalesforceClientOptions,
  onRefreshed: (tokens: SalesforceTokens) => void,
): Connection {
  const transport = new AccordTransport(options.timeoutMs);
  const connection = new Connection({
    oauth2: { loginUrl: options.loginUrl, clientId: options.clientId, clientSecret: options.clientSecret },
    loginUrl: options.loginUrl,
    instanceUrl: session.instanceUrl.replace(/\/+$/, ''),
    ...(session.accessToken ? { accessToken: session.accessToken } : {}),
    ...(session.refreshToken ? { refreshToken: session.refreshToken } : {}),
    version: options.apiVersion,
    callOptions: { client: 'accord' },
    refreshFn: (conn, callback) => {
      const fail = (error: Error) => {
        recordRefreshFailure(error);
        callback(error);
      };
      if (!takeRefresh()) return fail(new SalesforceSessionRejectedError('call the API', 'the session was refused again right after a refresh'));
      if (!conn.refreshToken) return fail(new SalesforceSessionRejectedError('call the API', 'the session is invalid and there is no refresh token'));
      // POST {loginUrl}/services/oauth2/token (grant_type=refresh_token)
      conn.oauth2.refreshToken(conn.refreshToken).then(
        (response: TokenResponse & { refresh_token?: string }) => {
          conn._establish({ instanceUrl: response.instance_url, accessToken: response.access_token, refreshToken: response.refresh_token ?? null });
          callback(undefined, response.access_token, response);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  connection._transport = transport;
  connection.oauth2._transport = transport;
  connection.on('refresh', (accessToken: string) => {
    onRefreshed({ accessToken, instanceUrl: connection.instanceUrl, refreshToken: connection.refreshToken ?? null });
  });
  return connection;
}
