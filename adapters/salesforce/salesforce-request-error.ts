/** Salesforce refused a call for a reason retrying will not fix (a bad query, a missing field, a permission). */
export class SalesforceRequestError extends Error {
  constructor(
    message: string,
    /** Salesforce's errorCode, e.g. INVALID_FIELD, MALFORMED_QUERY, INSUFFICIENT_ACCESS. */
    readonly errorCode: string,
  ) {
    super(message);
    this.name = 'SalesforceRequestError';
  }
}
