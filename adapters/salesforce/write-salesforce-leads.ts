import type { Connection } from 'jsforce';
import { chunk } from '../../src/core/chunk';
import type { LeadWrite, WriteOutcome } from '../../src/core/crm-adapter';
import { accordFieldsToSalesforceFields } from './accord-fields-to-salesforce-fields';
import { salesforceBatchSize } from './salesforce-batch-size';

/** Salesforce's per-record refusal to touch a converted lead; Accord reports it and never writes that lead again. */
export const convertedLeadCode = 'CANNOT_UPDATE_CONVERTED_LEAD';

// Another transaction held the row: the same write succeeds a moment later.
const retryableRecordCodes = new Set(['UNABLE_TO_LOCK_ROW']);

export interface WriteLeadsContext {
  isConverted(recordId: string): boolean;
  rememberConverted(recordId: string): void;
}

interface PendingWrite {
  /** Positions in the caller's list (several when a record was listed twice). */
  indexes: number[];
  recordId: string;
  fields: Record<string, string | number | null>;
}

/** A record error as sObject Collections answer it (`statusCode`; jsforce's type calls it `errorCode`). */
interface RecordError {
  statusCode?: string;
  errorCode?: string;
  message?: string;
  fields?: string[];
}

/**
 * Updates leads through sObject Collections, 200 per call, `allOrNone: false` so one bad record does not
 * hold back the rest, and with `Sforce-Auto-Assign: FALSE` so the org's assignment rules never undo the
 * owner Accord chose (or reassign a lead because Accord wrote a score). Each record's outcome is its own:
 * converted leads are skipped and remembered, field errors fail that record with Salesforce's message.
 */
export async function writeSalesforceLeads(connection: Connection, writes: readonly LeadWrite[], context: WriteLeadsContext): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  const pending = new Map<string, PendingWrite>();
  writes.forEach((write, index) => {
    if (context.isConverted(write.recordId)) {
      outcomes[index] = convertedOutcome(write.recordId);
      return;
    }
    try {
      const fields = accordFieldsToSalesforceFields(write.fields);
      const earlier = pending.get(write.recordId);
      if (earlier) {
        earlier.indexes.push(index);
        Object.assign(earlier.fields, fields);
      } else if (Object.keys(fields).length > 0) {
        pending.set(write.recordId, { indexes: [index], recordId: write.recordId, fields });
      } else {
        outcomes[index] = { recordId: write.recordId, ok: true };
      }
    } catch (error) {
      outcomes[index] = { recordId: write.recordId, ok: false, retryable: false, code: 'INVALID_FIELD', message: (error as Error).message };
    }
  });
  for (const batch of chunk([...pending.values()], salesforceBatchSize)) {
    // PATCH /services/data/vXX.X/composite/sobjects
    const results = await connection.sobject('Lead').update(
      batch.map((write) => ({ Id: write.recordId, ...write.fields })),
      { allOrNone: false, headers: { 'Sforce-Auto-Assign': 'FALSE' } },
    );
    batch.forEach((write, position) => {
      const outcome = outcomeOf(write.recordId, results[position], context);
      for (const index of write.indexes) outcomes[index] = outcome;
    });
  }
  return outcomes;
}

function outcomeOf(recordId: string, result: { success: boolean; errors?: RecordError[] } | undefined, context: WriteLeadsContext): WriteOutcome {
  if (!result) return { recordId, ok: false, retryable: true, code: 'NOT_CONFIRMED', message: 'Salesforce returned no result for this record' };
  if (result.success) return { recordId, ok: true };
  const error = result.errors?.[0] ?? {};
  const code = error.statusCode ?? error.errorCode ?? 'UNKNOWN_ERROR';
  if (code === convertedLeadCode) {
    context.rememberConverted(recordId);
    return convertedOutcome(recordId);
  }
  const fields = error.fields && error.fields.length > 0 ? ` (fields: ${error.fields.join(', ')})` : '';
  return { recordId, ok: false, retryable: retryableRecordCodes.has(code), code, message: `${error.message ?? 'Salesforce refused the record'}${fields}` };
}

function convertedOutcome(recordId: string): WriteOutcome {
  return { recordId, ok: false, retryable: false, code: convertedLeadCode, message: 'the lead is converted; Accord never writes converted leads' };
}
