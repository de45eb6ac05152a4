/**
 * Per-record write refusals that mean "this record is no longer Accord's to write": the event is done,
 * nothing was written and nothing is recorded. Salesforce: a converted lead (it became a contact and
 * an opportunity; sales owns it now).
 */
export const readOnlyRecordCodes: ReadonlySet<string> = new Set(['CANNOT_UPDATE_CONVERTED_LEAD']);
