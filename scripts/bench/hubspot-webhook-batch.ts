import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';

export interface WebhookBatchSpec {
  portalId: number;
  appId: number;
  /** Contacts the events are about: ids `firstRecordId … firstRecordId + records - 1`. */
  firstRecordId: number;
  records: number;
}

/**
 * A HubSpot webhook request as HubSpot sends it: up to 100 `contact.propertyChange` events, signed v3
 * over method + URL + body + timestamp. Event ids are unique per generator, so nothing is a duplicate.
 */
export function hubspotWebhookBatch(spec: WebhookBatchSpec, url: string, clientSecret: string, firstEventId: number, size = 100, objectIdOf: (eventId: number) => number = () => spec.firstRecordId + Math.floor(Math.random() * spec.records)): { body: string; headers: Record<string, string> } {
  const now = Date.now();
  const events = Array.from({ length: size }, (_, i) => ({
    eventId: firstEventId + i,
    subscriptionId: 1,
    portalId: spec.portalId,
    appId: spec.appId,
    occurredAt: now,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: objectIdOf(firstEventId + i),
    propertyName: 'jobtitle',
    propertyValue: 'VP Sales',
    changeSource: 'CRM_UI',
    sourceId: 'userId:7000001',
  }));
  const body = JSON.stringify(events);
  const timestamp = String(now);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signHubspotV3(clientSecret, 'POST', url, body, timestamp),
    },
  };
}
