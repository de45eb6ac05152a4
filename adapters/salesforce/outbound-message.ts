/** Salesforce outbound messaging's SOAP 1.1 vocabulary. */
export const soapEnvelopeNamespace = 'http://schemas.xmlsoap.org/soap/envelope/';
export const outboundNamespace = 'http://soap.sforce.com/2005/09/outbound';
/** sObjects in outbound messages are typed against the enterprise WSDL. */
export const enterpriseSObjectNamespace = 'urn:sobject.enterprise.soap.sforce.com';

/** Salesforce never puts more than this many notifications in one message. */
export const maxNotificationsPerMessage = 100;

export interface OutboundNotification {
  /** The notification's own id: the same on every retry of it, so it is the dedupe key. */
  id: string;
  /** The record's field values as sent (text; null for xsi:nil), `Id` included. */
  fields: Record<string, string | null>;
}

export interface OutboundMessage {
  /** 18-character organization id. */
  organizationId: string;
  actionId: string;
  sessionId: string | null;
  enterpriseUrl: string | null;
  partnerUrl: string | null;
  notifications: OutboundNotification[];
}
