export type HubspotSubscriptionType = 'contact.creation' | 'contact.propertyChange' | 'contact.deletion' | 'contact.privacyDeletion';

/** One event of a HubSpot webhook (v3) delivery, field for field as HubSpot sends it. */
export interface HubspotWebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: HubspotSubscriptionType;
  /** 0 on the first delivery, +1 on each retry. */
  attemptNumber: number;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
  sourceId?: string;
  changeFlag?: 'NEW' | 'DELETED';
}
