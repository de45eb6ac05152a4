/** A REST call Salesforce refuses, rendered as its error array `[{ message, errorCode, fields? }]`. */
export class SalesforceApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'SalesforceApiError';
  }
}

export function salesforceErrorBody(error: SalesforceApiError): Array<Record<string, unknown>> {
  return [{ message: error.message, errorCode: error.errorCode, ...(error.fields ? { fields: error.fields } : {}) }];
}

export const requestLimitExceeded = () => new SalesforceApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
