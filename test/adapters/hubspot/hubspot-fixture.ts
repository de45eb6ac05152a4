import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundRequest } from '../../../src/core/crm-adapter';

/** The raw bytes of a file under test/fixtures/hubspot. */
export function hubspotFixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'hubspot', name));
}

/** A webhook request carrying `rawBody` (signature checks are tested separately). */
export function webhookRequest(rawBody: Buffer | string): InboundRequest {
  return {
    method: 'POST',
    url: 'https://accord.example.com/webhooks/hubspot',
    headers: {},
    rawBody: Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody),
    params: {},
    now: 1_730_822_400_000,
  };
}
