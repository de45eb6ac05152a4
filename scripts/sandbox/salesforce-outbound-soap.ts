import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { enterpriseSObjectNamespace, outboundNamespace, soapEnvelopeNamespace } from '../../adapters/salesforce/outbound-message';
import type { SalesforceStoredValue } from './normalize-salesforce-values';

/** One notification as queued: its id and the record's values when the rule fired. */
export interface QueuedNotification {
  notificationId: string;
  recordId: string;
  fields: Record<string, SalesforceStoredValue>;
}

export interface OutboundEnvelope {
  organizationId: string;
  actionId: string;
  /** Where the message says the org's SOAP APIs are (the sandbox's own URL). */
  baseUrl: string;
  apiVersion: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, suppressBooleanAttributes: false });
const answerParser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, processEntities: false });

/** Field values as the enterprise WSDL writes them: text, `true`/`false`, ISO times; empty fields are left out. */
function fieldText(value: SalesforceStoredValue): string | null {
  if (value === null || value === '') return null;
  return String(value);
}

/** The SOAP request Salesforce's outbound messaging POSTs: a `notifications` element with up to 100 notifications. */
export function outboundSoapMessage(envelope: OutboundEnvelope, notifications: readonly QueuedNotification[]): string {
  const org15 = envelope.organizationId.slice(0, 15);
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soapenv:Envelope': {
      '@_xmlns:soapenv': soapEnvelopeNamespace,
      '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'soapenv:Body': {
        notifications: {
          '@_xmlns': outboundNamespace,
          OrganizationId: envelope.organizationId,
          ActionId: envelope.actionId,
          SessionId: { '@_xsi:nil': 'true' },
          EnterpriseUrl: `${envelope.baseUrl}/services/Soap/c/${envelope.apiVersion}/${org15}`,
          PartnerUrl: `${envelope.baseUrl}/services/Soap/u/${envelope.apiVersion}/${org15}`,
          Notification: notifications.map((notification) => {
            const sObject: Record<string, unknown> = { '@_xsi:type': 'sf:Lead', '@_xmlns:sf': enterpriseSObjectNamespace, 'sf:Id': notification.recordId };
            for (const [name, value] of Object.entries(notification.fields)) {
              const text = fieldText(value);
              if (name !== 'Id' && text !== null) sObject[`sf:${name}`] = text;
            }
            return { Id: notification.notificationId, sObject };
          }),
        },
      },
    },
  });
}

/** True when the listener acknowledged: `<notificationsResponse><Ack>true</Ack></notificationsResponse>`. */
export function isAcknowledged(body: string): boolean {
  try {
    const parsed = answerParser.parse(body) as { Envelope?: { Body?: { notificationsResponse?: { Ack?: unknown } } } };
    return String(parsed.Envelope?.Body?.notificationsResponse?.Ack ?? '').trim() === 'true';
  } catch {
    return false;
  }
}
