import type { AddressInfo } from 'node:net';
import express from 'express';

/** The ceiling to compare Accord's webhook route with: express reading the body and answering 200, nothing else. */
if (require.main === module) {
  const app = express();
  app.disable('x-powered-by');
  app.post('/webhooks/hubspot', express.raw({ type: () => true, limit: 1024 * 1024 }), (_req, res) => {
    res.status(200).json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1', () => {
    process.send?.({ ready: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });
  });
  process.on('message', (message: { stop?: boolean }) => {
    if (!message.stop) return;
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  process.on('disconnect', () => process.exit(0));
}
