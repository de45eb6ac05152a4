/** App-level settings shared by every org's connection. */
export interface SalesforceClientOptions {
  /** Where OAuth tokens come from: https://login.salesforce.com, https://test.salesforce.com or a My Domain (the sandbox: its loopback URL). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  /** jsforce defaults to 50.0; Accord pins the version it was built against. */
  apiVersion: string;
  /** How long one HTTP request may take before the call counts as unavailable. */
  timeoutMs: number;
}

/** Fresh session values after a refresh, to be stored with the tenant. */
export interface SalesforceTokens {
  accessToken: string;
  instanceUrl: string;
  /** The refresh token now in use: a new one when the org rotates them (the old one then stops working). */
  refreshToken: string | null;
}

export const defaultSalesforceApiVersion = '62.0';
