/** A query Salesforce would refuse: MALFORMED_QUERY, INVALID_FIELD or INVALID_TYPE, with Salesforce's wording. */
export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}
