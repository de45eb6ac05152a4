/** An OAuth token request Salesforce refuses: `{ error, error_description }` with HTTP 400. */
export class SalesforceOauthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = 'SalesforceOauthError';
  }
}
