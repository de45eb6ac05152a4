import type { Connection } from 'jsforce';
import { SalesforceRequestError } from './salesforce-request-error';

/** Sets the rep's rejection fields on one lead, as a rep would on the record page. */
export async function writeSalesforceRejection(connection: Connection, recordId: string, rejection: { reason: string; note: string | null }): Promise<void> {
  // PATCH /services/data/vXX.X/sobjects/Lead/{id}
  const result = await connection.sobject('Lead').update({ Id: recordId, Accord_Rejection_Reason__c: rejection.reason, Accord_Rejection_Note__c: rejection.note });
  if (!result.success) {
    const first = result.errors[0];
    const code = first && typeof first !== 'string' ? first.errorCode : 'UPDATE_FAILED';
    const message = result.errors.map((e) => (typeof e === 'string' ? e : e.message)).join('; ');
    throw new SalesforceRequestError(`updating lead ${recordId} failed: ${message}`, code);
  }
}
