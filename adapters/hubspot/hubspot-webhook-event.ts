import { z } from 'zod';

/** The latest instant a JavaScript Date can represent. */
export const maxEpochMs = 8_640_000_000_000_000;

const requiredNumber = z.number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') });
const requiredString = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
const optionalString = z.string({ error: 'must be a string' }).optional();

/** Fields every HubSpot webhook v3 event carries, whatever it is about. Extra fields are kept: HubSpot adds some over time. */
export const hubspotWebhookEnvelopeSchema = z.looseObject({
  eventId: requiredNumber,
  subscriptionId: requiredNumber,
  portalId: requiredNumber,
  appId: requiredNumber,
  // Capped at the last instant a Date can hold: past it, turning the time into text would throw.
  occurredAt: requiredNumber.refine((ms) => Number.isSafeInteger(ms) && ms >= 0 && ms <= maxEpochMs, 'must be epoch milliseconds'),
  subscriptionType: requiredString,
  attemptNumber: requiredNumber,
});

/** A contact event (`contact.creation`, `contact.propertyChange`, …). */
export const hubspotContactEventSchema = hubspotWebhookEnvelopeSchema.extend({
  objectId: requiredNumber,
  propertyName: optionalString,
  propertyValue: z.string({ error: 'must be a string' }).nullable().optional(),
  changeSource: optionalString,
  // Observed as a string ("54321", "userId:123"); a number is accepted in case HubSpot ever sends one.
  sourceId: z.union([z.string(), z.number()], { error: 'must be a string' }).optional(),
  changeFlag: optionalString,
});

export type HubspotContactEvent = z.infer<typeof hubspotContactEventSchema>;
