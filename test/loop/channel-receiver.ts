import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** A Slack or Teams webhook on loopback (port 0) that keeps every JSON body posted to it. */
export interface ChannelReceiver {
  url: string;
  received: unknown[];
  close(): Promise<void>;
}

export async function startChannelReceiver(path: string, status = 200): Promise<ChannelReceiver> {
  const received: unknown[] = [];
  const app = express();
  app.post(path, express.json(), (req, res) => {
    received.push(req.body);
    res.status(status).send(status === 200 ? 'ok' : 'no');
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
