import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { postToChannel } from '../../src/notify/post-to-channel';
import { startChannelReceiver } from './channel-receiver';

function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) };
}

describe('postToChannel', () => {
  it('posts the JSON body and reports acceptance', async () => {
    const receiver = await startChannelReceiver('/services/T9/B9/abc');
    try {
      const { logger } = capturingLogger();
      expect(await postToChannel({ kind: 'slack', url: receiver.url }, { text: 'hello' }, logger)).toBe(true);
      expect(receiver.received).toEqual([{ text: 'hello' }]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a redirect instead of following it: the channel\'s host was checked, where it points was not', async () => {
    const inside = await startChannelReceiver('/internal');
    const app = express();
    app.post('/services/T9/B9/redirecting', (_req, res) => res.redirect(307, inside.url));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { logger } = capturingLogger();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T9/B9/redirecting`;
      expect(await postToChannel({ kind: 'slack', url }, { text: 'hello' }, logger)).toBe(false);
      expect(inside.received).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await inside.close();
    }
  });

  it('gives up after its timeout, once, and logs neither the secret path nor the body', async () => {
    let hits = 0;
    const app = express();
    app.post('/hooks/secret-path-123', () => {
      hits += 1; // never answers
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/secret-path-123`;
    try {
      const { logger, lines } = capturingLogger();
      const started = Date.now();
      expect(await postToChannel({ kind: 'teams', url }, { text: 'lead pat@acme.com' }, logger, 200)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(hits).toBe(1);
      expect(lines.join('')).toMatch(/timed out after 200 ms/);
      expect(lines.join('')).not.toMatch(/secret-path-123|pat@acme/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a refusal with its status, without the URL secret', async () => {
    const receiver = await startChannelReceiver('/services/T9/B9/refused-secret', 500);
    try {
      const { logger, lines } = capturingLogger();
      expect(await postToChannel({ kind: 'slack', url: receiver.url }, { text: 'x' }, logger)).toBe(false);
      expect(lines.join('')).toMatch(/"status":500/);
      expect(lines.join('')).not.toMatch(/refused-secret/);
    } finally {
      await receiver.close();
    }
  });
});
