import { OAuth2, type TokenResponse } from 'jsforce';
import { AccordTransport } from './accord-transport';
import { translateSalesforceError } from './translate-salesforce-error';
import type { SalesforceClientOptions } from './salesforce-client-options';
import { readSalesforceIdentity } from './salesforce-identity';

export interface SalesforceSession {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  /** 18-character ids of the org (the tenant) and of the user the token acts as (Accord's integration user). */
  organizationId: string;
  userId: string;
}

/**
 * Trades a refresh token for a session and learns, from the same answer, the org's instance URL and
 * which org and user the token belongs to (the `id` URL ends in /id/{orgId}/{userId}). One call at start.
 */
export async function startSalesforceSession(client: SalesforceClientOptions, refreshToken: string): Promise<SalesforceSession> {
  const oauth2 = new OAuth2({ loginUrl: client.loginUrl, clientId: client.clientId, clientSecret: client.clientSecret });
  oauth2._transport = new AccordTransport(client.timeoutMs);
  let response: TokenResponse & { refresh_token?: string };
  try {
    // POST {loginUrl}/services/oauth2/token (grant_type=refresh_token)
    response = await oauth2.refreshToken(refreshToken);
  } catch (error) {
    throw translateSalesforceError(error, 'start a session');
  }
  const { organizationId, userId } = readSalesforceIdentity(response.id);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? refreshToken,
    instanceUrl: response.instance_url.replace(/\/+$/, ''),
    organizationId,
    userId,
  };
}
