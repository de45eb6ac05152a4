import type { InboundRequest } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import type { OutboundNotification } from './outbound-message';
import { readOutboundMessage } from './read-outbound-message';
import { sameSalesforceId } from './salesforce-id';
import { salesforceInputDigest } from './salesforce-input-digest';
import { salesforceDatetime } from './salesforce-value';

/**
 * One `changed` (or `created`) event per notification, keyed by the notification id so a redelivery is
 * a duplicate. Messages carry the record's latest values, not what changed; when Accord's own user made
 * the last change, the event carries the digest of the input values so the ingest step can tell an
 * echo of Accord's write (inputs as Accord decided on them) from a change some automation made as that user.
 */
export function normalizeOutboundMessage(request: InboundRequest, integrationUserId: (orgId: string) => string | null): CrmEvent[] {
  const message = readOutboundMessage(request.rawBody);
  const integrationUser = integrationUserId(message.organizationId);
  return message.notifications.map((notification) => toEvent(message.organizationId, notification, integrationUser, request.now));
}

function toEvent(organizationId: string, notification: OutboundNotification, integrationUser: string | null, now: number): CrmEvent {
  const { fields } = notification;
  const createdAt = salesforceDatetime(fields.CreatedDate);
  const modifiedAt = salesforceDatetime(fields.LastModifiedDate);
  const byAccordsUser = integrationUser !== null && sameSalesforceId(fields.LastModifiedById, integrationUser);
  return {
    crm: 'salesforce',
    tenantId: organizationId,
    recordId: fields.Id ?? '',
    kind: createdAt !== null && createdAt === modifiedAt ? 'created' : 'changed',
    changedFields: [],
    occurredAt: modifiedAt ?? new Date(now).toISOString(),
    dedupeKey: `salesforce:${organizationId}:${notification.id}`,
    ownWrite: false,
    ...(byAccordsUser ? { echoDigest: salesforceInputDigest(fields) } : {}),
  };
}
