import { InvalidPayloadError, type CrmAdapter, type InboundRequest } from '../core/crm-adapter';
import type { Store } from '../store/store';
import { dropEchoes } from './drop-echoes';
import { IngestError } from './ingest-error';

export interface IngestResult {
  received: number;
  accepted: number;
  duplicates: number;
  ownWrites: number;
}

/**
 * The webhook path: verify the raw bytes, normalise, drop our own echoes, store durably in one
 * transaction — and only then may the caller answer 2xx. No CRM call happens here.
 */
export async function ingestWebhook(adapter: CrmAdapter, store: Store, request: InboundRequest): Promise<IngestResult> {
  // A body that is not even readable cannot be verified: Salesforce's check needs the org id from inside it.
  const verified = asIngestError(() => adapter.verify(request));
  if (!verified.ok) throw new IngestError(verified.status, verified.message);
  const normalized = asIngestError(() => adapter.normalize(request));

  const tenantIds = [...new Set(normalized.map((e) => e.tenantId))];
  for (const tenantId of tenantIds) {
    const tenant = await store.getTenant({ crm: adapter.crm, tenantId });
    if (!tenant) throw new IngestError(403, `${adapter.crm} account ${tenantId} has not installed Accord`);
    if (!tenant.active) throw new IngestError(403, `${adapter.crm} account ${tenantId} has uninstalled Accord`);
  }

  const events = await dropEchoes(store, normalized);
  const fresh = events.filter((e) => !e.ownWrite);
  const { inserted, duplicates } = fresh.length > 0 ? await store.enqueueEvents(fresh, new Date(request.now).toISOString()) : { inserted: 0, duplicates: 0 };
  return { received: events.length, accepted: inserted, duplicates, ownWrites: events.length - fresh.length };
}

function asIngestError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InvalidPayloadError) throw new IngestError(400, error.message);
    throw error;
  }
}
