import type { CrmKind } from '../core/lead';
import type { AccordMetrics } from '../metrics/accord-metrics';
import type { IngestError } from '../pipeline/ingest-error';
import type { IngestResult } from '../pipeline/ingest-webhook';

/** Webhook events by CRM and outcome, for GET /metrics: stored, duplicate, our own echo, or refused and why. */
export function countIngest(metrics: AccordMetrics, crm: CrmKind, outcome: IngestResult | IngestError): void {
  if ('accepted' in outcome) {
    if (outcome.accepted > 0) metrics.eventsReceived.inc({ crm, outcome: 'accepted' }, outcome.accepted);
    if (outcome.duplicates > 0) metrics.eventsReceived.inc({ crm, outcome: 'duplicate' }, outcome.duplicates);
    if (outcome.ownWrites > 0) metrics.eventsReceived.inc({ crm, outcome: 'own_write' }, outcome.ownWrites);
    return;
  }
  const refused = outcome.status === 401 ? 'bad_signature' : outcome.status === 403 ? 'unknown_tenant' : 'bad_request';
  metrics.eventsReceived.inc({ crm, outcome: refused });
}
