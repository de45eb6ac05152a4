/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import { connection, hubspotHost, json, useNock } from './hubspot-nock';

useNock();

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321' });
const ownersPath = '/crm/v3/owners/';

function ownerJson(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    email: `owner${id}@example.com`,
    type: 'PERSON',
    firstName: `First${id}`,
    lastName: `Last${id}`,
    userId: Number(id) + 9_000_000,
    userIdIncludingInactive: Number(id) + 9_000_000,
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    archived: false,
    teams: [],
    ...overrides,
  };
}

describe('HubSpot adapter listOwners', () => {
  it('follows paging.next.after, then lists archived owners as unavailable', async () => {
    nock(hubspotHost)
      .get(ownersPath)
      .query({ limit: '500', archived: 'false' })
      .reply(
        200,
        {
          results: [ownerJson('101', { teams: [{ id: '5', name: 'West', primary: true }, { id: '6', name: 'Enterprise', primary: false }] }), ownerJson('102')],
          paging: { next: { after: 'MTAy', link: 'https://api.hubapi.com/crm/v3/owners/?after=MTAy' } },
        },
        json,
      );
    nock(hubspotHost)
      .get(ownersPath)
      .query({ limit: '500', archived: 'false', after: 'MTAy' })
      .reply(200, { results: [ownerJson('103', { firstName: '', lastName: '' })] }, json);
    nock(hubspotHost)
      .get(ownersPath)
      .query({ limit: '500', archived: 'true' })
      .reply(200, { results: [ownerJson('104', { archived: true, email: undefined, firstName: 'Gone', lastName: undefined })] }, json);

    const owners = await adapter.listOwners(connection);

    expect(owners).toEqual([
      { id: '101', name: 'First101 Last101', email: 'owner101@example.com', teams: ['West', 'Enterprise'], available: true },
      { id: '102', name: 'First102 Last102', email: 'owner102@example.com', teams: [], available: true },
      { id: '103', name: 'owner103@example.com', email: 'owner103@example.com', teams: [], available: true },
      { id: '104', name: 'Gone', email: null, teams: [], available: false },
    ]);
  });

  it('uses the owner id, not the user id, and lets an active owner win over an archived copy', async () => {
    nock(hubspotHost).get(ownersPath).query({ limit: '500', archived: 'false' }).reply(200, { results: [ownerJson('201')] }, json);
    nock(hubspotHost)
      .get(ownersPath)
      .query({ limit: '500', archived: 'true' })
      .reply(200, { results: [ownerJson('201', { archived: true })] }, json);

    const owners = await adapter.listOwners(connection);

    expect(owners.map((owner) => [owner.id, owner.available])).toEqual([['201', true]]);
  });
});
