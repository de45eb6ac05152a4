/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { readAccountPortalId } from '../../../adapters/hubspot/read-account-portal-id';
import { hubspotHost, json, useNock } from './hubspot-nock';

useNock();

describe('readAccountPortalId', () => {
  it("returns the token's portal id as a string", async () => {
    nock(hubspotHost, { reqheaders: { authorization: 'Bearer pat-na1-private' } })
      .get('/account-info/v3/details')
      .reply(200, { portalId: 62515, accountType: 'STANDARD', timeZone: 'US/Eastern', companyCurrency: 'USD', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, json);

    await expect(readAccountPortalId('pat-na1-private')).resolves.toBe('62515');
  });

  it('uses the given base path', async () => {
    nock('http://127.0.0.1:4010').get('/account-info/v3/details').reply(200, { portalId: 7 }, json);
    await expect(readAccountPortalId('t', 'http://127.0.0.1:4010')).resolves.toBe('7');
  });

  it('translates a refused token and an outage like every other call', async () => {
    nock(hubspotHost).get('/account-info/v3/details').reply(401, { status: 'error', message: 'expired', category: 'EXPIRED_AUTHENTICATION' }, json);
    nock(hubspotHost).get('/account-info/v3/details').reply(503, 'unavailable', { 'Content-Type': 'text/plain' });
    await expect(readAccountPortalId('old')).rejects.toMatchObject({ name: 'HubspotTokenRejectedError' });
    await expect(readAccountPortalId('t')).rejects.toMatchObject({ name: 'CrmUnavailableError', status: 503 });
  });

  it('refuses an answer without a portal id', async () => {
    nock(hubspotHost).get('/account-info/v3/details').reply(200, { accountType: 'STANDARD' }, json);
    await expect(readAccountPortalId('t')).rejects.toThrow('HubSpot account details carry no portalId');
  });
});
