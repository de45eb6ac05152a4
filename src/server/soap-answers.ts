import { escapeHtml } from './escape-html';

/** The acknowledgement Salesforce's outbound messaging waits for; anything else makes it retry. */
export const outboundAck =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
  '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse>' +
  '</soapenv:Body></soapenv:Envelope>';

/** A SOAP 1.1 fault: `Client` when the sender must change the request, `Server` when Accord failed. */
export function soapFault(side: 'Client' | 'Server', message: string): string {
  return (
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>' +
    `<faultcode>soapenv:${side}</faultcode><faultstring>${escapeHtml(message)}</faultstring>` +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}
