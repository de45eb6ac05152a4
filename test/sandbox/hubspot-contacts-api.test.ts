import { Client } from '@hubspot/api-client';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { call, sdkClient, startTestSandbox } from './support/test-sandbox';

interface SdkError {
  code: number;
  body: { status?: string; message: string; category: string; correlationId: string };
}

async function sdkFailure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the SDK call to fail');
}

describe('sandbox HubSpot contacts API through @hubspot/api-client', () => {
  let sandbox: Sandbox;
  let client: Client;

  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: { contacts: 0 } });
    client = sdkClient(sandbox);
  });
  afterEach(() => sandbox.close());

  it('creates a contact with HubSpot-managed properties set and reads it back with chosen properties', async () => {
    const created = await client.crm.contacts.basicApi.create({
      properties: { email: 'Ada.Lovelace@Analytical.example', firstname: 'Ada', numemployees: '50-100' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.archived).toBe(false);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.properties.email).toBe('ada.lovelace@analytical.example');
    expect(created.properties.hs_object_id).toBe(created.id);
    expect(created.properties.createdate).toBe(created.createdAt.toISOString());
    expect(created.properties.lastmodifieddate).toBe(created.createdAt.toISOString());

    const read = await client.crm.contacts.basicApi.getById(created.id, ['firstname', 'numemployees', 'jobtitle']);
    expect(read.properties).toEqual({ firstname: 'Ada', numemployees: '50-100', jobtitle: null });

    const byEmail = await client.crm.contacts.basicApi.getById('ada.lovelace@analytical.example', undefined, undefined, undefined, false, 'email');
    expect(byEmail.id).toBe(created.id);
  });

  it('returns the default property set when none is asked for, and history when asked', async () => {
    const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'h@x.example', firstname: 'Old' }, associations: [] });
    await client.crm.contacts.basicApi.update(id, { properties: { firstname: 'New' } });
    const response = await call(sandbox, 'GET', `/crm/v3/objects/contacts/${id}?propertiesWithHistory=firstname`);
    const body = response.body as { properties: Record<string, unknown>; propertiesWithHistory: Record<string, Array<{ value: string; sourceType: string }>> };
    expect(Object.keys(body.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    expect(body.propertiesWithHistory.firstname?.map((v) => v.value)).toEqual(['New', 'Old']);
    expect(body.propertiesWithHistory.firstname?.[0]?.sourceType).toBe('INTEGRATION');
  });

  it('updates only what changed and moves lastmodifieddate forward', async () => {
    const { id, properties } = await client.crm.contacts.basicApi.create({ properties: { email: 'u@x.example', jobtitle: 'Analyst' }, associations: [] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await client.crm.contacts.basicApi.update(id, { properties: { jobtitle: 'CTO', hs_lead_status: 'OPEN' } });
    expect(updated.properties.jobtitle).toBe('CTO');
    expect(updated.properties.hs_lead_status).toBe('OPEN');
    expect(Date.parse(updated.properties.lastmodifieddate ?? '')).toBeGreaterThan(Date.parse(properties.lastmodifieddate ?? ''));
    expect(sandbox.state.hubspot.contacts.get(id).properties.jobtitle).toBe('CTO');
  });

  it('archives on DELETE: gone from reads and lists, still readable with archived=true', async () => {
    const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'd@x.example' }, associations: [] });
    await client.crm.contacts.basicApi.archive(id);
    expect((await sdkFailure(client.crm.contacts.basicApi.getById(id))).code).toBe(404);
    const archived = await client.crm.contacts.basicApi.getById(id, undefined, undefined, undefined, true);
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await client.crm.contacts.basicApi.getPage(10)).results).toHaveLength(0);
  });

  it('pages the list with limit and after until every contact was seen once', async () => {
    for (let i = 0; i < 7; i++) {
      await client.crm.contacts.basicApi.create({ properties: { email: `p${i}@x.example` }, associations: [] });
    }
    const first = await client.crm.contacts.basicApi.getPage(3);
    expect(first.results).toHaveLength(3);
    expect(first.paging?.next?.after).toBeDefined();
    const all = await client.crm.contacts.getAll(3, undefined, ['email']);
    expect(all.map((c) => c.properties.email).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `p${i}@x.example`).sort());
  });

  it('refuses unknown properties and bad option values with HubSpot VALIDATION_ERROR bodies, writing nothing', async () => {
    const unknown = await sdkFailure(client.crm.contacts.basicApi.create({ properties: { email: 'v@x.example', favourite_colour: 'blue' }, associations: [] }));
    expect(unknown.code).toBe(400);
    expect(unknown.body.category).toBe('VALIDATION_ERROR');
    expect(unknown.body.message).toMatch(/^Property values were not valid: /);
    const details = JSON.parse(unknown.body.message.replace('Property values were not valid: ', '')) as Array<{ error: string; name: string }>;
    expect(details).toEqual([expect.objectContaining({ isValid: false, error: 'PROPERTY_DOESNT_EXIST', name: 'favourite_colour' })]);
    expect(unknown.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const badOption = await sdkFailure(client.crm.contacts.basicApi.create({ properties: { email: 'v@x.example', numemployees: '12' }, associations: [] }));
    expect(badOption.code).toBe(400);
    expect(badOption.body.message).toContain('INVALID_OPTION');

    const readOnly = await sdkFailure(client.crm.contacts.basicApi.create({ properties: { lastmodifieddate: '0' }, associations: [] }));
    expect(readOnly.body.message).toContain('READ_ONLY_VALUE');

    const badOwner = await sdkFailure(client.crm.contacts.basicApi.create({ properties: { hubspot_owner_id: '999' }, associations: [] }));
    expect(badOwner.body.message).toContain('INVALID_OWNER_ID');
    expect(sandbox.state.hubspot.contacts.size).toBe(0);
  });

  it('answers a second contact with the same email with 409 naming the existing id', async () => {
    const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'dup@x.example' }, associations: [] });
    const conflict = await sdkFailure(client.crm.contacts.basicApi.create({ properties: { email: 'DUP@x.example' }, associations: [] }));
    expect(conflict.code).toBe(409);
    expect(conflict.body.message).toBe(`Contact already exists. Existing ID: ${id}`);
  });

  it('answers 404 with a HubSpot error body for an unknown id', async () => {
    const response = await call(sandbox, 'GET', '/crm/v3/objects/contacts/424242424');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(expect.objectContaining({ status: 'error', category: 'OBJECT_NOT_FOUND', correlationId: expect.any(String) }));
  });

  it('refuses a wrong or missing token with 401 INVALID_AUTHENTICATION', async () => {
    const wrong = await sdkFailure(sdkClient(sandbox, 'not-the-token').crm.contacts.basicApi.getPage(1));
    expect(wrong.code).toBe(401);
    expect(wrong.body.category).toBe('INVALID_AUTHENTICATION');
    const missing = await call(sandbox, 'GET', '/crm/v3/objects/contacts', undefined, null);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(expect.objectContaining({ status: 'error', message: expect.stringContaining('Authentication credentials not found') }));
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const response = await fetch(`${sandbox.url}/crm/v3/objects/contacts`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: '{"properties": {',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 'error', category: 'VALIDATION_ERROR' }));
  });

  it('purges a contact on GDPR delete so not even archived reads find it', async () => {
    const { id } = await client.crm.contacts.basicApi.create({ properties: { email: 'gdpr@x.example' }, associations: [] });
    await client.crm.contacts.basicApi.purge({ objectId: 'gdpr@x.example', idProperty: 'email' });
    expect(sandbox.state.hubspot.contacts.find(id)).toBeUndefined();
    expect(sandbox.state.hubspot.contacts.find(id, { archived: true })).toBeUndefined();
  });
});
