/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import { hubspotContactProperties } from '../../../adapters/hubspot/hubspot-contact-to-lead';
import { hubspotFixture } from './hubspot-fixture';
import { batchResponseJson, connection, contactJson, hubspotHost, json, useNock } from './hubspot-nock';

useNock();

interface BatchReadBody {
  inputs: Array<{ id: string }>;
  properties: string[];
  propertiesWithHistory: string[];
}

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321' });

describe('HubSpot adapter readLeads', () => {
  it('reads 250 ids in three calls of at most 100, asking for every mapped property', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(5000 + i));
    const bodies: BatchReadBody[] = [];
    nock(hubspotHost, { reqheaders: { authorization: 'Bearer pat-na1-token-a' } })
      .post('/crm/v3/objects/contacts/batch/read')
      .query({ archived: 'false' })
      .times(3)
      .reply(200, (_uri, body) => {
        const request = body as BatchReadBody;
        bodies.push(request);
        return batchResponseJson(request.inputs.map(({ id }) => contactJson(id, { email: `lead${id}@Example.com` })));
      }, json);

    const leads = await adapter.readLeads(connection, ids);

    expect(bodies.map((b) => b.inputs.length)).toEqual([100, 100, 50]);
    expect(bodies.flatMap((b) => b.inputs.map((input) => input.id))).toEqual(ids);
    for (const body of bodies) {
      expect(body.properties).toEqual([...hubspotContactProperties]);
      expect(body.propertiesWithHistory).toEqual([]);
    }
    expect(leads).toHaveLength(250);
    expect(leads[249]).toMatchObject({ crm: 'hubspot', tenantId: '62515', recordId: '5249', email: 'lead5249@Example.com', domain: 'example.com' });
  });

  it('leaves out ids HubSpot reports missing in a 207', async () => {
    nock(hubspotHost)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(207, hubspotFixture('batch-read-207-partial.json').toString('utf8'), json);

    const leads = await adapter.readLeads(connection, ['1001', '1999']);

    expect(leads.map((lead) => lead.recordId)).toEqual(['1001']);
    expect(leads[0]).toMatchObject({ employees: 300, accord: { score: 72, stage: 'sales_ready' } });
  });

  it('asks for each id once and makes no call for none', async () => {
    let inputs: string[] = [];
    nock(hubspotHost)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(200, (_uri, body) => {
        inputs = (body as BatchReadBody).inputs.map((input) => input.id);
        return batchResponseJson(inputs.map((id) => contactJson(id)));
      }, json);

    await adapter.readLeads(connection, ['7', '8', '7']);
    expect(inputs).toEqual(['7', '8']);
    await expect(adapter.readLeads(connection, [])).resolves.toEqual([]);
  });

  it("uses the tenant's base path, else the adapter's", async () => {
    const sandbox = createHubspotAdapter({ clientSecret: 'secret', appId: '54321', basePath: 'http://127.0.0.1:4010/' });
    nock('http://127.0.0.1:4010').post('/crm/v3/objects/contacts/batch/read').query(true).reply(200, batchResponseJson([contactJson('1')]), json);
    nock('http://127.0.0.1:4020').post('/crm/v3/objects/contacts/batch/read').query(true).reply(200, batchResponseJson([contactJson('2')]), json);

    expect((await sandbox.readLeads(connection, ['1'])).map((l) => l.recordId)).toEqual(['1']);
    expect((await sandbox.readLeads({ ...connection, instanceUrl: 'http://127.0.0.1:4020' }, ['2'])).map((l) => l.recordId)).toEqual(['2']);
  });

  it("follows a tenant's refreshed token and keeps tenants' tokens apart", async () => {
    const seen: string[] = [];
    nock(hubspotHost)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .times(4)
      .reply(200, function () {
        seen.push(String(this.req.headers.authorization));
        return batchResponseJson([]);
      }, json);

    await adapter.readLeads(connection, ['1']);
    await adapter.readLeads({ ...connection, tenantId: '99', accessToken: 'token-of-99' }, ['1']);
    await adapter.readLeads({ ...connection, accessToken: 'pat-na1-token-b' }, ['1']);
    await adapter.readLeads(connection, ['1']);

    expect(seen).toEqual(['Bearer pat-na1-token-a', 'Bearer token-of-99', 'Bearer pat-na1-token-b', 'Bearer pat-na1-token-a']);
  });
});
