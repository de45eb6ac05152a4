import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { HubspotWebhookEvent } from '../../../scripts/sandbox/hubspot-webhook-event';

export interface ReceivedDelivery {
  rawBody: Buffer;
  events: HubspotWebhookEvent[];
  signature: string | undefined;
  signatureVersion: string | undefined;
  timestamp: string | undefined;
  contentType: string | undefined;
}

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** Every event received, across deliveries, in arrival order. */
  events(): HubspotWebhookEvent[];
  /** Decides the status of each delivery (default 204); may be async to hold the answer. */
  respondWith(decide: (delivery: ReceivedDelivery, index: number) => number | Promise<number>): void;
  maxConcurrent: number;
  close(): Promise<void>;
}

/** A stand-in for Accord's webhook endpoint: records raw deliveries and answers as told. */
export async function startWebhookReceiver(path = '/webhooks/hubspot'): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  let decide: (delivery: ReceivedDelivery, index: number) => number | Promise<number> = () => 204;
  let concurrent = 0;
  const app = express();
  const receiver: WebhookReceiver = {
    url: '',
    deliveries,
    events: () => deliveries.flatMap((d) => d.events),
    respondWith: (next) => {
      decide = next;
    },
    maxConcurrent: 0,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  app.post(path, express.raw({ type: '*/*', limit: '10mb' }), async (req, res) => {
    concurrent += 1;
    receiver.maxConcurrent = Math.max(receiver.maxConcurrent, concurrent);
    const rawBody = req.body as Buffer;
    const delivery: ReceivedDelivery = {
      rawBody,
      events: JSON.parse(rawBody.toString('utf8')) as HubspotWebhookEvent[],
      signature: req.get('x-hubspot-signature-v3'),
      signatureVersion: req.get('x-hubspot-signature-version'),
      timestamp: req.get('x-hubspot-request-timestamp'),
      contentType: req.get('content-type'),
    };
    deliveries.push(delivery);
    const status = await decide(delivery, deliveries.length - 1);
    concurrent -= 1;
    res.status(status).end();
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
