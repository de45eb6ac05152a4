import { InvalidPayloadError } from '../../../src/core/crm-adapter';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import { hubspotFixture, webhookRequest } from './hubspot-fixture';

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321' });
const normalize = (body: Buffer | string) => adapter.normalize(webhookRequest(body));

const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: 1,
  subscriptionId: 2,
  portalId: 62515,
  appId: 54321,
  occurredAt: 1730822400000,
  subscriptionType: 'contact.creation',
  attemptNumber: 0,
  objectId: 1001,
  ...overrides,
});

describe('HubSpot adapter normalize', () => {
  it('maps a contact creation', () => {
    expect(normalize(hubspotFixture('webhook-contact-creation.json'))).toEqual([
      {
        crm: 'hubspot',
        tenantId: '62515',
        recordId: '1001',
        kind: 'created',
        changedFields: [],
        occurredAt: '2024-11-05T16:00:00.123Z',
        dedupeKey: 'hubspot:62515:3816279340:1001::1730822400123',
        ownWrite: false,
      },
    ]);
  });

  it('maps property changes made in the CRM UI, keeping unknown extra fields out of the way', () => {
    const events = normalize(hubspotFixture('webhook-property-change-crm-ui.json'));
    expect(events.map((e) => [e.kind, e.changedFields, e.ownWrite, e.occurredAt])).toEqual([
      ['changed', ['jobtitle'], false, '2024-11-05T16:01:01.000Z'],
      ['changed', ['accord_rejection_reason'], false, '2024-11-05T16:01:01.000Z'],
    ]);
    expect(events[0]?.dedupeKey).toBe('hubspot:62515:1783347373:1001:jobtitle:1730822461000');
  });

  it('flags our own write-back (INTEGRATION, sourceId = our app id as a string) and only ours', () => {
    const events = normalize(hubspotFixture('webhook-own-write-integration.json'));
    expect(events.map((e) => [e.recordId, e.ownWrite])).toEqual([
      ['1001', true],
      ['1002', false],
    ]);
  });

  it('flags own writes when sourceId arrives as a number, but not UI edits by a user whose id equals the app id', () => {
    expect(normalize(JSON.stringify([event({ changeSource: 'INTEGRATION', sourceId: 54321 })]))[0]?.ownWrite).toBe(true);
    expect(normalize(JSON.stringify([event({ changeSource: 'CRM_UI', sourceId: '54321' })]))[0]?.ownWrite).toBe(false);
    expect(normalize(JSON.stringify([event({ changeSource: 'INTEGRATION' })]))[0]?.ownWrite).toBe(false);
  });

  it('maps privacy deletions and deletions', () => {
    const events = normalize(hubspotFixture('webhook-privacy-deletion.json'));
    expect(events.map((e) => [e.recordId, e.kind])).toEqual([
      ['1003', 'privacy_deletion'],
      ['1004', 'deleted'],
    ]);
  });

  it('gives true duplicates one dedupe key, and events that only share an eventId distinct keys', () => {
    const keys = normalize(hubspotFixture('webhook-duplicates.json')).map((e) => e.dedupeKey);
    expect(keys).toEqual([
      'hubspot:62515:5001:1005:numemployees:1730822700000',
      'hubspot:62515:5001:1005:numemployees:1730822700000',
      'hubspot:62515:5001:1006:numemployees:1730822700000',
      'hubspot:62515:5001:1005:jobtitle:1730822700000',
    ]);
    expect(new Set(keys).size).toBe(3);
  });

  it('ignores subscriptions it does not handle and maps merge and restore to changes', () => {
    const events = normalize(hubspotFixture('webhook-mixed-subscriptions.json'));
    expect(events.map((e) => [e.recordId, e.kind])).toEqual([
      ['1008', 'changed'],
      ['1010', 'changed'],
    ]);
  });

  it('accepts an empty batch', () => {
    expect(normalize('[]')).toEqual([]);
  });

  it('accepts exactly 100 events and refuses 101', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => event({ eventId: i }));
    expect(normalize(JSON.stringify(hundred))).toHaveLength(100);
    expect(() => normalize(JSON.stringify([...hundred, event()]))).toThrow(
      new InvalidPayloadError('body has 101 events; HubSpot sends at most 100'),
    );
  });

  it.each([
    ['not JSON', '[{"eventId":', 'body is not valid JSON'],
    ['an object', JSON.stringify(event()), 'body must be a JSON array of events'],
    ['a non-object event', JSON.stringify([event(), 'x']), 'event 1: must be an object'],
    ['a string objectId', JSON.stringify([event(), event(), event(), event({ objectId: '1001' })]), 'event 3: objectId must be a number'],
    ['a missing portalId', JSON.stringify([event({ portalId: undefined })]), 'event 0: portalId is required'],
    ['a numeric subscriptionType', JSON.stringify([event({ subscriptionType: 5 })]), 'event 0: subscriptionType must be a string'],
    ['a numeric propertyName', JSON.stringify([event({ propertyName: 7 })]), 'event 0: propertyName must be a string'],
    ['a boolean sourceId', JSON.stringify([event({ sourceId: true })]), 'event 0: sourceId must be a string'],
    ['a fractional occurredAt', JSON.stringify([event({ occurredAt: 1.5 })]), 'event 0: occurredAt must be epoch milliseconds'],
    // Past what a Date holds, turning it into text threw a RangeError: a 500 instead of a 400.
    ['an occurredAt past the last Date', JSON.stringify([event({ occurredAt: 8_640_000_000_000_001 })]), 'event 0: occurredAt must be epoch milliseconds'],
  ])('refuses %s with a message saying what is wrong', (_case, body, message) => {
    expect(() => normalize(body)).toThrow(InvalidPayloadError);
    expect(() => normalize(body)).toThrow(message);
  });

  it('refuses a contact event without objectId but not an ignored subscription without one', () => {
    expect(() => normalize(JSON.stringify([event({ objectId: undefined })]))).toThrow('event 0: objectId is required');
    expect(normalize(JSON.stringify([event({ objectId: undefined, subscriptionType: 'deal.creation' })]))).toEqual([]);
  });
});
