import type { LeadWrite, WriteOutcome } from '../../src/core/crm-adapter';
import { accordFieldsToHubspotProperties } from './accord-fields-to-hubspot-properties';
import { callHubspot } from './call-hubspot';
import { chunk } from '../../src/core/chunk';
import type { HubspotApis } from './create-hubspot-apis';
import { hubspotBatchSize } from './hubspot-batch-size';
import { HubspotRequestError } from './hubspot-request-error';

interface PendingWrite {
  /** Positions in the caller's list, so outcomes come back in the caller's order (several when a record was listed twice). */
  indexes: number[];
  recordId: string;
  properties: Record<string, string>;
}

// Statuses HubSpot uses when something in the batch is wrong; any other refusal (403: missing scope) would hit every record alike.
const recordLevelStatuses = new Set([400, 404, 409, 422]);

/**
 * Batch-updates contacts, 100 per call, and answers one outcome per write.
 * HubSpot rejects a whole batch when one input is invalid; then the records the error names fail and
 * the rest are retried, or, when it names none, the batch is halved until the bad records stand alone
 * (about 15 calls to isolate one bad record among 100). Rate limits, outages and a rejected token
 * abort the call: every write is idempotent, so the caller simply retries them all.
 */
export async function writeHubspotContacts(apis: HubspotApis, writes: LeadWrite[], timeoutMs: number): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  // HubSpot refuses a batch that names one id twice, so writes to the same record are merged (later fields win).
  const pending = new Map<string, PendingWrite>();
  writes.forEach((write, index) => {
    try {
      const properties = accordFieldsToHubspotProperties(write.fields);
      const earlier = pending.get(write.recordId);
      if (earlier) {
        earlier.indexes.push(index);
        Object.assign(earlier.properties, properties);
      } else if (Object.keys(properties).length > 0) {
        pending.set(write.recordId, { indexes: [index], recordId: write.recordId, properties });
      } else {
        outcomes[index] = { recordId: write.recordId, ok: true };
      }
    } catch (error) {
      outcomes[index] = { recordId: write.recordId, ok: false, retryable: false, code: 'INVALID_FIELD', message: (error as Error).message };
    }
  });
  for (const batch of chunk([...pending.values()], hubspotBatchSize)) await writeBatch(apis, batch, timeoutMs, outcomes);
  return outcomes;
}

function settle(outcomes: WriteOutcome[], write: PendingWrite, outcome: WriteOutcome): void {
  for (const index of write.indexes) outcomes[index] = outcome;
}

async function writeBatch(apis: HubspotApis, batch: PendingWrite[], timeoutMs: number, outcomes: WriteOutcome[]): Promise<void> {
  if (batch.length === 0) return;
  let response;
  try {
    response = await callHubspot('update contacts', timeoutMs, () =>
      // POST /crm/v3/objects/contacts/batch/update
      apis.contactsBatch.update({ inputs: batch.map(({ recordId, properties }) => ({ id: recordId, properties })) }),
    );
  } catch (error) {
    if (!(error instanceof HubspotRequestError) || !recordLevelStatuses.has(error.status)) throw error;
    await writeAfterRejection(apis, batch, error, timeoutMs, outcomes);
    return;
  }
  const updated = new Set(response.results.map((contact) => contact.id));
  const failures = new Map<string, { code: string; message: string }>();
  // A 207 lists per-record errors with the ids they concern.
  for (const failure of 'errors' in response ? (response.errors ?? []) : []) {
    for (const id of failure.context?.ids ?? []) failures.set(id, { code: failure.category, message: failure.message });
  }
  for (const write of batch) {
    const failure = failures.get(write.recordId);
    if (updated.has(write.recordId)) settle(outcomes, write, { recordId: write.recordId, ok: true });
    else if (failure) settle(outcomes, write, { recordId: write.recordId, ok: false, retryable: false, ...failure });
    else {
      settle(outcomes, write, {
        recordId: write.recordId,
        ok: false,
        retryable: true,
        code: 'NOT_CONFIRMED',
        message: 'HubSpot did not report this record as updated',
      });
    }
  }
}

async function writeAfterRejection(
  apis: HubspotApis,
  batch: PendingWrite[],
  rejection: HubspotRequestError,
  timeoutMs: number,
  outcomes: WriteOutcome[],
): Promise<void> {
  const fail = (write: PendingWrite): void =>
    settle(outcomes, write, {
      recordId: write.recordId,
      ok: false,
      retryable: false,
      code: rejection.category ?? `HTTP_${rejection.status}`,
      message: rejection.message,
    });
  if (batch.length === 1) {
    batch.forEach(fail);
    return;
  }
  const named = new Set(rejection.ids);
  const blamed = batch.filter((write) => named.has(write.recordId));
  if (blamed.length > 0) {
    blamed.forEach(fail);
    await writeBatch(apis, batch.filter((write) => !named.has(write.recordId)), timeoutMs, outcomes);
    return;
  }
  const half = Math.ceil(batch.length / 2);
  await writeBatch(apis, batch.slice(0, half), timeoutMs, outcomes);
  await writeBatch(apis, batch.slice(half), timeoutMs, outcomes);
}
