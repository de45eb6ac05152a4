import { checkHubspotV1 } from '../../../adapters/hubspot/check-hubspot-v1';

// HubSpot's published v1 example (developers.hubspot.com, "Validating requests from HubSpot").
const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const body =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
const publishedSignature = '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de';

describe('checkHubspotV1', () => {
  it('accepts HubSpot published vector', () => {
    expect(checkHubspotV1(secret, body, publishedSignature)).toBe(true);
    expect(checkHubspotV1(secret, Buffer.from(body), publishedSignature.toUpperCase())).toBe(true);
  });

  it('refuses a tampered body, a wrong secret and a truncated signature', () => {
    expect(checkHubspotV1(secret, body.replace('"objectId":123', '"objectId":124'), publishedSignature)).toBe(false);
    expect(checkHubspotV1('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', body, publishedSignature)).toBe(false);
    expect(checkHubspotV1(secret, body, publishedSignature.slice(0, 63))).toBe(false);
  });
});
