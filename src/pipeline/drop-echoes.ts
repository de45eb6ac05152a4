import type { CrmEvent } from '../core/crm-event';
import type { Store } from '../store/store';
import { groupBy } from './group-by';

/**
 * Marks as own writes the events that only echo Accord's write-back: made by Accord's integration
 * user (they carry an `echoDigest`) with the record's inputs exactly those its latest decision was
 * made from. One indexed store read per tenant in the batch; no CRM call.
 */
export async function dropEchoes(store: Store, events: CrmEvent[]): Promise<CrmEvent[]> {
  const candidates = events.filter((event) => !event.ownWrite && event.echoDigest !== undefined);
  if (candidates.length === 0) return events;
  const echoes = new Set<CrmEvent>();
  for (const group of groupBy(candidates, (event) => `${event.crm}:${event.tenantId}`).values()) {
    const first = group[0];
    if (!first) continue;
    const latest = await store.getLatestDecisions({ crm: first.crm, tenantId: first.tenantId }, [...new Set(group.map((e) => e.recordId))]);
    for (const event of group) {
      if (latest.get(event.recordId)?.inputDigest === event.echoDigest) echoes.add(event);
    }
  }
  return events.map((event) => (echoes.has(event) ? { ...event, ownWrite: true } : event));
}
