import fc from 'fast-check';
import type { z } from 'zod';
import { contactEventProblems, envelopeProblems } from '../../../adapters/hubspot/hubspot-event-problems';
import { hubspotContactEventSchema, hubspotWebhookEnvelopeSchema, maxEpochMs } from '../../../adapters/hubspot/hubspot-webhook-event';

const fields = [
  'eventId', 'subscriptionId', 'portalId', 'appId', 'occurredAt', 'subscriptionType', 'attemptNumber',
  'objectId', 'propertyName', 'propertyValue', 'changeSource', 'sourceId', 'changeFlag',
] as const;

// Values a hostile or broken sender might put in any field, plus the edges of each rule.
const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_000_000 }),
  fc.constantFrom(0, 1.5, -1, maxEpochMs, maxEpochMs + 1, Number.MAX_SAFE_INTEGER, 2 ** 60),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('contact.creation', 'contact.propertyChange', 'deal.creation', '', 'INTEGRATION', '54321'),
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

const valid = {
  eventId: 1, subscriptionId: 2, portalId: 62515, appId: 54321, occurredAt: 1730822400000,
  subscriptionType: 'contact.creation', attemptNumber: 0, objectId: 1001,
};

// Events near a valid one (most fields right, a few wrong or missing) and events anything goes.
const anEvent = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), anyValue),
  fc
    .record({ overrides: fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 3 }), dropped: fc.subarray([...fields], { maxLength: 2 }) })
    .map(({ overrides, dropped }) => {
      const event: Record<string, unknown> = { ...valid, ...overrides };
      for (const field of dropped) delete event[field];
      return event;
    }),
);

function zodProblems(schema: z.ZodType, item: unknown): string[] {
  const parsed = schema.safeParse(item);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
}

describe('the hand-written HubSpot event check', () => {
  it('finds exactly what the zod schemas find, in the same words and order', () => {
    fc.assert(
      fc.property(anEvent, (event) => {
        const envelope = envelopeProblems(event);
        expect(envelope).toEqual(zodProblems(hubspotWebhookEnvelopeSchema, event));
        // normalize checks a contact event's own fields only once its envelope passed.
        if (envelope.length === 0) expect(contactEventProblems(event)).toEqual(zodProblems(hubspotContactEventSchema, event));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a well-formed contact event and names each problem of a broken one', () => {
    expect(envelopeProblems(valid)).toEqual([]);
    expect(contactEventProblems({ ...valid, sourceId: 54321, propertyValue: null })).toEqual([]);
    expect(envelopeProblems({ ...valid, portalId: undefined, occurredAt: maxEpochMs + 1, subscriptionType: 7 })).toEqual([
      'portalId is required',
      'occurredAt must be epoch milliseconds',
      'subscriptionType must be a string',
    ]);
    expect(contactEventProblems({ ...valid, objectId: '1001', sourceId: true })).toEqual(['objectId must be a number', 'sourceId must be a string']);
  });
});
