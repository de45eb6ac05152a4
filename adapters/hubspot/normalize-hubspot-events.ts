import type { z } from 'zod';
import { InvalidPayloadError } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import { hubspotSubscriptionKinds } from './hubspot-subscription-kinds';
import { hubspotContactEventSchema, hubspotWebhookEnvelopeSchema, type HubspotContactEvent } from './hubspot-webhook-event';

/** HubSpot never sends more than this many events in one webhook request. */
export const maxHubspotEventsPerRequest = 100;

/** Parses a (verified) HubSpot webhook body into contact events; other subscription types are dropped. */
export function normalizeHubspotEvents(rawBody: Buffer, appId: string): CrmEvent[] {
  const body = parseJson(rawBody);
  if (!Array.isArray(body)) throw new InvalidPayloadError('body must be a JSON array of events');
  if (body.length > maxHubspotEventsPerRequest) {
    throw new InvalidPayloadError(`body has ${body.length} events; HubSpot sends at most ${maxHubspotEventsPerRequest}`);
  }
  const events: CrmEvent[] = [];
  body.forEach((item: unknown, index) => {
    const envelope = parseEvent(hubspotWebhookEnvelopeSchema, item, index);
    const kind = hubspotSubscriptionKinds.get(envelope.subscriptionType);
    if (!kind) return;
    const event = parseEvent(hubspotContactEventSchema, item, index);
    events.push({
      crm: 'hubspot',
      tenantId: String(event.portalId),
      recordId: String(event.objectId),
      kind,
      changedFields: event.propertyName ? [event.propertyName] : [],
      occurredAt: new Date(event.occurredAt).toISOString(),
      dedupeKey: dedupeKeyOf(event),
      ownWrite: event.changeSource === 'INTEGRATION' && event.sourceId !== undefined && String(event.sourceId) === appId,
    });
  });
  return events;
}

// HubSpot reuses eventId across objects and properties, so the key spells out the whole change.
function dedupeKeyOf(event: HubspotContactEvent): string {
  return `hubspot:${event.portalId}:${event.eventId}:${event.objectId}:${event.propertyName ?? ''}:${event.occurredAt}`;
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new InvalidPayloadError('body is not valid JSON');
  }
}

function parseEvent<Schema extends z.ZodType>(schema: Schema, item: unknown, index: number): z.infer<Schema> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new InvalidPayloadError(`event ${index}: must be an object`);
  }
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new InvalidPayloadError(`event ${index}: ${problems.join('; ')}`);
}
