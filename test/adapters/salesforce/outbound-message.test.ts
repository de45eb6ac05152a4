import { InvalidPayloadError } from '../../../src/core/crm-adapter';
import { normalizeOutboundMessage } from '../../../adapters/salesforce/normalize-outbound-message';
import { parseOutboundMessage } from '../../../adapters/salesforce/parse-outbound-message';
import { salesforceInputDigest } from '../../../adapters/salesforce/salesforce-input-digest';
import { salesforceOrgToken } from '../../../adapters/salesforce/salesforce-org-token';
import { verifyOutboundMessage } from '../../../adapters/salesforce/verify-outbound-message';
import { fixtureIntegrationUser, fixtureOrg, outboundRequest, salesforceFixture } from './salesforce-fixture';

const secretKey = 'unit-test-secret-key-of-at-least-32-chars';

describe('parseOutboundMessage', () => {
  it('reads the envelope and each notification, resolving namespaces, entities and xsi:nil', () => {
    const message = parseOutboundMessage(salesforceFixture('outbound-two-leads.xml'));
    expect(message).toMatchObject({
      organizationId: fixtureOrg,
      actionId: '04k5e000000AccrAAC',
      sessionId: null,
      partnerUrl: 'https://acme.my.salesforce.com/services/Soap/u/62.0/00D5e0000000Acc',
    });
    expect(message.notifications.map((n) => n.id)).toEqual(['04l5e00000Q1x2yAAB', '04l5e00000Q1x2zAAB']);
    const [first, second] = message.notifications;
    expect(first?.fields).toMatchObject({ Id: '00Q5e000001AbCdEAK', Company: 'Gekko & Co', NumberOfEmployees: '300', LeadSource: 'Web - Demo' });
    // A 15-character id becomes the 18-character form every other source uses.
    expect(second?.fields.Id).toBe('00Q5e000001AbCeEAK');
    expect(second?.fields.Accord_Rejection_Reason__c).toBeNull();
  });

  it('accepts any prefixes, since namespaces and not prefixes say what an element is', () => {
    const renamed = salesforceFixture('outbound-two-leads.xml')
      .toString('utf8')
      .replace(/soapenv:/g, 'S:')
      .replace(/xmlns:soapenv/g, 'xmlns:S')
      .replace(/sf:/g, 'lead:')
      .replace(/xmlns:sf/g, 'xmlns:lead');
    expect(parseOutboundMessage(Buffer.from(renamed)).notifications).toHaveLength(2);
  });

  it.each([
    ['outbound-billion-laughs.xml', /DOCTYPE/],
    ['outbound-external-entity.xml', /DOCTYPE/],
    ['outbound-contact.xml', /xsi:type sf:Lead.*sf:Contact/],
  ])('refuses %s', (fixture, message) => {
    expect(() => parseOutboundMessage(salesforceFixture(fixture))).toThrow(InvalidPayloadError);
    expect(() => parseOutboundMessage(salesforceFixture(fixture))).toThrow(message);
  });

  it.each([
    ['not XML', 'hello', /not well-formed XML/],
    ['unclosed', '<a><b></a>', /not well-formed XML/],
    ['another root', '<notifications xmlns="http://soap.sforce.com/2005/09/outbound"/>', /SOAP 1.1 Envelope/],
    [
      'the wrong namespace',
      '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><notifications xmlns="urn:other"/></e:Body></e:Envelope>',
      /exactly one notifications/,
    ],
    [
      'no organization',
      '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"/></e:Body></e:Envelope>',
      /no OrganizationId/,
    ],
  ])('refuses %s', (_name, body, message) => {
    expect(() => parseOutboundMessage(Buffer.from(body))).toThrow(message);
  });

  it('refuses more than 100 notifications and a message without any', () => {
    const xml = salesforceFixture('outbound-two-leads.xml').toString('utf8');
    const notification = /<Notification>[\s\S]*?<\/Notification>/.exec(xml)?.[0] ?? '';
    const many = xml.replace(notification, notification.repeat(101));
    expect(() => parseOutboundMessage(Buffer.from(many))).toThrow(/Salesforce sends at most 100/);
    const none = xml.replace(/<Notification>[\s\S]*<\/Notification>/, '');
    expect(() => parseOutboundMessage(Buffer.from(none))).toThrow(/no Notification/);
  });
});

describe('verifyOutboundMessage', () => {
  const body = salesforceFixture('outbound-two-leads.xml');

  it("accepts the token Accord derives for the message's organization", () => {
    expect(verifyOutboundMessage(secretKey, outboundRequest(body, salesforceOrgToken(secretKey, fixtureOrg)))).toEqual({ ok: true });
    // The 15-character org id derives the same token.
    expect(salesforceOrgToken(secretKey, '00D5e0000000Acc')).toBe(salesforceOrgToken(secretKey, fixtureOrg));
  });

  it('refuses a missing token, another org’s token and a token from another key', () => {
    expect(verifyOutboundMessage(secretKey, outboundRequest(body, ''))).toMatchObject({ ok: false, status: 401 });
    expect(verifyOutboundMessage(secretKey, outboundRequest(body, salesforceOrgToken(secretKey, '00D5e0000000Oth')))).toMatchObject({ ok: false, status: 401, message: expect.stringContaining(fixtureOrg) });
    expect(verifyOutboundMessage(secretKey, outboundRequest(body, salesforceOrgToken('some-other-key-of-at-least-32-characters', fixtureOrg)))).toMatchObject({ ok: false });
  });

  it('cannot check a body that is not a message, and says so as a bad payload', () => {
    expect(() => verifyOutboundMessage(secretKey, outboundRequest('<nope/>', 'x'))).toThrow(InvalidPayloadError);
  });
});

describe('normalizeOutboundMessage', () => {
  const events = normalizeOutboundMessage(outboundRequest(salesforceFixture('outbound-two-leads.xml')), (org) => (org === fixtureOrg ? fixtureIntegrationUser : null));

  it('makes one event per notification, keyed by the notification id', () => {
    expect(events.map((e) => [e.recordId, e.kind, e.dedupeKey, e.occurredAt])).toEqual([
      ['00Q5e000001AbCdEAK', 'changed', `salesforce:${fixtureOrg}:04l5e00000Q1x2yAAB`, '2024-11-05T16:05:00.000Z'],
      ['00Q5e000001AbCeEAK', 'created', `salesforce:${fixtureOrg}:04l5e00000Q1x2zAAB`, '2024-11-05T16:00:00.000Z'],
    ]);
    expect(events.every((e) => e.crm === 'salesforce' && e.tenantId === fixtureOrg && e.ownWrite === false && e.changedFields.length === 0)).toBe(true);
  });

  it("carries the inputs' digest only for changes made by Accord's integration user", () => {
    expect(events[0]?.echoDigest).toBeUndefined();
    const message = parseOutboundMessage(salesforceFixture('outbound-two-leads.xml'));
    expect(events[1]?.echoDigest).toBe(salesforceInputDigest(message.notifications[1]?.fields ?? {}));
  });

  it('carries no digest when the integration user is not known for the org', () => {
    const unknown = normalizeOutboundMessage(outboundRequest(salesforceFixture('outbound-two-leads.xml')), () => null);
    expect(unknown.every((e) => e.echoDigest === undefined)).toBe(true);
  });
});
