import type { ContactChange } from './hubspot-contact-record';
import type { HubspotWebhookEvent } from './hubspot-webhook-event';
import type { HubspotWebhookSubscriptions } from './hubspot-webhook-subscriptions';

export type UnsentWebhookEvent = Omit<HubspotWebhookEvent, 'attemptNumber'>;

export interface WebhookEventFactory {
  /** The events HubSpot would send for one change; none when nothing subscribes to it. */
  eventsFor(change: ContactChange): UnsentWebhookEvent[];
}

/** Maps store changes to HubSpot webhook events. `eventId` is a counter (HubSpot's are not even unique). */
export function webhookEventFactory(options: { portalId: string; appId: string; subscriptions: HubspotWebhookSubscriptions }): WebhookEventFactory {
  let nextEventId = 1;
  const { subscriptions } = options;
  return {
    eventsFor(change) {
      if (change.kind === 'propertyChanged' && !subscriptions.wantsProperty(change.propertyName)) return [];
      const type =
        change.kind === 'created'
          ? 'contact.creation'
          : change.kind === 'deleted'
            ? 'contact.deletion'
            : change.kind === 'privacyDeleted'
              ? 'contact.privacyDeletion'
              : 'contact.propertyChange';
      const event: UnsentWebhookEvent = {
        eventId: nextEventId++,
        subscriptionId: subscriptions.idOf(type, change.kind === 'propertyChanged' ? change.propertyName : undefined),
        portalId: Number(options.portalId),
        appId: Number(options.appId),
        occurredAt: change.occurredAt,
        subscriptionType: type,
        objectId: Number(change.objectId),
        changeSource: change.source.changeSource,
        ...(change.source.sourceId === null ? {} : { sourceId: change.source.sourceId }),
      };
      if (change.kind === 'propertyChanged') {
        event.propertyName = change.propertyName;
        event.propertyValue = change.propertyValue;
      }
      if (change.kind === 'created') event.changeFlag = 'NEW';
      if (change.kind === 'deleted' || change.kind === 'privacyDeleted') event.changeFlag = 'DELETED';
      return [event];
    },
  };
}
