import type { HubspotSubscriptionType } from './hubspot-webhook-event';

/** Values HubSpot sets itself on every write; apps never receive change events for them. */
export const derivedContactProperties: ReadonlySet<string> = new Set(['lastmodifieddate', 'hs_object_id']);

const subscriptionIds: Record<Exclude<HubspotSubscriptionType, 'contact.propertyChange'>, number> = {
  'contact.creation': 1_001,
  'contact.deletion': 1_002,
  'contact.privacyDeletion': 1_003,
};

/**
 * The app's webhook subscriptions. In HubSpot each property-change subscription names one property and
 * has its own id; creation, deletion and privacy deletion are one subscription each.
 */
export class HubspotWebhookSubscriptions {
  private readonly propertySubscriptionIds = new Map<string, number>();

  constructor(private readonly subscribedProperties: readonly string[] | 'all') {}

  wantsProperty(propertyName: string): boolean {
    if (derivedContactProperties.has(propertyName)) return false;
    return this.subscribedProperties === 'all' || this.subscribedProperties.includes(propertyName);
  }

  idOf(type: HubspotSubscriptionType, propertyName?: string): number {
    if (type !== 'contact.propertyChange') return subscriptionIds[type];
    const name = propertyName ?? '';
    let id = this.propertySubscriptionIds.get(name);
    if (id === undefined) {
      id = 2_001 + this.propertySubscriptionIds.size;
      this.propertySubscriptionIds.set(name, id);
    }
    return id;
  }
}
