import { InvalidPayloadError } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import { hubspotSubscriptionKinds } from './hubspot-subscription-kinds';
import { contactEventProblems, envelopeProblems } from './hubspot-event-problems';
import type { HubspotContactEvent } from './hubspot-webhook-event';

/** HubSpot never sends more than this many events in one webhook request. */
export const maxHubspotEventsPerRequest = 100;

/**
 * Parses a (verified) HubSpot webhook body into contact events; other subscription types are dropped.
 * Events are checked against `hubspot-webhook-event.ts`'s rules by hand (`hubspot-event-problems.ts`).
 */
export function normalizeHubspotEvents(rawBody: Buffer, appId: string): CrmEvent[] {
  const body = parseJson(rawBody);
  if (!Array.isArray(body)) throw new InvalidPayloadError('body must be a JSON array of events');
  if (body.length > maxHubspotEventsPerRequest) {
    throw new InvalidPayloadError(`body has ${body.length} events; HubSpot sends at most ${maxHubspotEventsPerRequest}`);
  }
  const events: CrmEvent[] = [];
  body.forEach((item: unknown, index) => {
    const fields = asObject(item, index);
    refuseProblems(envelopeProblems(fields), index);
    const kind = hubspotSubscriptionKinds.get(fields.subscriptionType as string);
    if (!kind) return;
    refuseProblems(contactEventProblems(fields), index);
    const event = fields as unknown as HubspotContactEvent;
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

function asObject(item: unknown, index: number): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new InvalidPayloadError(`event ${index}: must be an object`);
  }
  return item as Record<string, unknown>;
}

function refuseProblems(problems: readonly string[], index: number): void {
  if (problems.length > 0) throw new InvalidPayloadError(`event ${index}: ${problems.join('; ')}`);
}
