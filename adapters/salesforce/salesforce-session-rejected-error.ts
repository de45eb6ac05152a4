/** Salesforce refused the session and a refresh did not help: the refresh token is revoked or the app lost access. */
export class SalesforceSessionRejectedError extends Error {
  constructor(action: string, detail: string) {
    super(`Salesforce rejected the session while trying to ${action} (${detail}) — reconnect the org (new refresh token) and restart Accord`);
    this.name = 'SalesforceSessionRejectedError';
  }
}
