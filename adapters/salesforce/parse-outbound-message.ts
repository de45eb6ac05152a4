import { XMLParser } from 'fast-xml-parser';
import { InvalidPayloadError } from '../../src/core/crm-adapter';
import {
  enterpriseSObjectNamespace,
  maxNotificationsPerMessage,
  outboundNamespace,
  soapEnvelopeNamespace,
  type OutboundMessage,
  type OutboundNotification,
} from './outbound-message';
import { toSalesforceId18 } from './salesforce-id';
import { attributeOf, childElements, resolveQName, textOf, xsiNamespace, type XmlElement } from './xml-namespaces';

// A DOCTYPE is how entity-expansion ("billion laughs") and external-entity attacks start; Salesforce never sends one.
const doctype = /<!DOCTYPE|<!ENTITY/i;

/**
 * Values stay text (no number guessing), entities are limited to XML's own five and character
 * references (no DOCTYPE can declare more: it is refused before parsing), attributes are kept for
 * namespaces and xsi:nil/xsi:type.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  removeNSPrefix: false,
});

const noScope: ReadonlyMap<string, string> = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** Parses a SOAP outbound message (a notifications request), refusing anything that is not one. */
export function parseOutboundMessage(rawBody: Buffer): OutboundMessage {
  const xml = rawBody.toString('utf8');
  if (doctype.test(xml)) throw new InvalidPayloadError('the message contains a DOCTYPE or ENTITY declaration, which Accord refuses');
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new InvalidPayloadError(`the body is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = childElements(document, noScope);
  const envelope = roots.length === 1 ? roots[0] : undefined;
  if (!envelope || envelope.ns !== soapEnvelopeNamespace || envelope.local !== 'Envelope') {
    throw new InvalidPayloadError(`the body must be one SOAP 1.1 Envelope (${soapEnvelopeNamespace})`);
  }
  const body = only(childElements(envelope.value, envelope.scope), soapEnvelopeNamespace, 'Body', 'the Envelope');
  const notifications = only(childElements(body.value, body.scope), outboundNamespace, 'notifications', 'the Body');
  const parts = childElements(notifications.value, notifications.scope).filter((part) => part.ns === outboundNamespace);
  const field = (name: string) => {
    const found = parts.filter((part) => part.local === name);
    if (found.length > 1) throw new InvalidPayloadError(`notifications carries ${name} more than once`);
    return found[0] ? textOf(found[0]) : undefined;
  };

  const organizationId = field('OrganizationId');
  const org18 = organizationId ? toSalesforceId18(organizationId) : null;
  if (!organizationId) throw new InvalidPayloadError('notifications has no OrganizationId');
  if (org18 === null || !org18.startsWith('00D')) throw new InvalidPayloadError(`OrganizationId "${organizationId.slice(0, 40)}" is not an organization id`);
  const items = parts.filter((part) => part.local === 'Notification');
  if (items.length === 0) throw new InvalidPayloadError('notifications has no Notification');
  if (items.length > maxNotificationsPerMessage) {
    throw new InvalidPayloadError(`notifications has ${items.length} Notification elements; Salesforce sends at most ${maxNotificationsPerMessage}`);
  }
  return {
    organizationId: org18,
    actionId: field('ActionId') ?? '',
    sessionId: field('SessionId') || null,
    enterpriseUrl: field('EnterpriseUrl') || null,
    partnerUrl: field('PartnerUrl') || null,
    notifications: items.map((item, index) => toNotification(item, index)),
  };
}

function only(children: XmlElement[], ns: string, local: string, where: string): XmlElement {
  const found = children.filter((child) => child.ns === ns && child.local === local);
  if (found.length !== 1 || !found[0]) throw new InvalidPayloadError(`${where} must hold exactly one ${local} element (${ns})`);
  return found[0];
}

function toNotification(item: XmlElement, index: number): OutboundNotification {
  const parts = childElements(item.value, item.scope).filter((part) => part.ns === outboundNamespace);
  const id = parts.find((part) => part.local === 'Id');
  const notificationId = id ? textOf(id) : null;
  if (!notificationId) throw new InvalidPayloadError(`Notification ${index}: Id is missing`);
  const sObject = parts.find((part) => part.local === 'sObject');
  if (!sObject) throw new InvalidPayloadError(`Notification ${index}: sObject is missing`);
  const type = attributeOf(sObject, xsiNamespace, 'type');
  const resolved = type === null ? null : resolveQName(type, sObject.scope);
  if (resolved === null || resolved.local !== 'Lead' || resolved.ns !== enterpriseSObjectNamespace) {
    throw new InvalidPayloadError(`Notification ${index}: sObject must be of xsi:type sf:Lead, got ${type === null ? 'no type' : `"${type.slice(0, 60)}"`}`);
  }
  const fields: Record<string, string | null> = {};
  for (const field of childElements(sObject.value, sObject.scope)) {
    if (field.ns !== enterpriseSObjectNamespace) continue;
    fields[field.local] = textOf(field);
  }
  const recordId = fields.Id ? toSalesforceId18(fields.Id) : null;
  if (recordId === null || !recordId.startsWith('00Q')) throw new InvalidPayloadError(`Notification ${index}: sObject has no valid Lead Id`);
  fields.Id = recordId;
  return { id: notificationId, fields };
}
