/** One record's refusal, as sObject Collections report it per record (and single-record calls as a 400). */
export interface SalesforceRecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** Thrown by the lead store when a record cannot be written; carries every problem found. */
export class SalesforceRecordRejected extends Error {
  constructor(readonly errors: SalesforceRecordError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SalesforceRecordRejected';
  }
}
