import type { OutboundMessage } from './outbound-message';
import { parseOutboundMessage } from './parse-outbound-message';

// verify() and normalize() see the same request; parsing it once is enough.
const parsed = new WeakMap<Buffer, OutboundMessage>();

/** The parsed message of a request body, parsed at most once per body. Throws InvalidPayloadError. */
export function readOutboundMessage(rawBody: Buffer): OutboundMessage {
  const cached = parsed.get(rawBody);
  if (cached) return cached;
  const message = parseOutboundMessage(rawBody);
  parsed.set(rawBody, message);
  return message;
}
