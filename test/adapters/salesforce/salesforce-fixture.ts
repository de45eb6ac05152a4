import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundRequest } from '../../../src/core/crm-adapter';

/** The raw bytes of a file under test/fixtures/salesforce. */
export function salesforceFixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'salesforce', name));
}

/** An outbound message request to `/webhooks/salesforce/<orgToken>`. */
export function outboundRequest(rawBody: Buffer | string, orgToken = ''): InboundRequest {
  return {
    method: 'POST',
    url: `https://accord.example.com/webhooks/salesforce/${orgToken}`,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    rawBody: Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody),
    params: { orgToken },
    now: Date.parse('2024-11-05T16:10:00.000Z'),
  };
}

export const fixtureOrg = '00D5e0000000AccEAE';
export const fixtureIntegrationUser = '0055e000000IntgAAC';
