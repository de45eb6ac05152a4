import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parseOutboundMessage } from '../../../adapters/salesforce/parse-outbound-message';
import type { OutboundMessage } from '../../../adapters/salesforce/outbound-message';

export const ack =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>';

export interface SoapDelivery {
  /** Parsed with Accord's own parser: what the sandbox sends is what Accord reads. */
  message: OutboundMessage;
  contentType: string | undefined;
  soapAction: string | undefined;
}

export interface SoapReceiver {
  url: string;
  deliveries: SoapDelivery[];
  /** Decides each answer (default: 200 with the acknowledgement). */
  respondWith(decide: (delivery: SoapDelivery, index: number) => { status: number; body: string }): void;
  close(): Promise<void>;
}

/** A stand-in for Accord's outbound-message endpoint. */
export async function startSoapReceiver(): Promise<SoapReceiver> {
  const deliveries: SoapDelivery[] = [];
  let decide: (delivery: SoapDelivery, index: number) => { status: number; body: string } = () => ({ status: 200, body: ack });
  const app = express();
  app.post('/webhooks/salesforce/:token', express.raw({ type: '*/*', limit: '10mb' }), (req, res) => {
    const delivery: SoapDelivery = { message: parseOutboundMessage(req.body as Buffer), contentType: req.get('content-type'), soapAction: req.get('soapaction') };
    deliveries.push(delivery);
    const answer = decide(delivery, deliveries.length - 1);
    res.status(answer.status).type('text/xml').send(answer.body);
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/salesforce/test-token`,
    deliveries,
    respondWith: (next) => {
      decide = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
