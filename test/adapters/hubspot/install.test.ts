/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { accordContactProperties } from '../../../adapters/hubspot/accord-contact-properties';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import { connection, hubspotHost, json, useNock } from './hubspot-nock';

useNock();

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321' });
const notFound = (what: string) => ({ status: 'error', message: `${what} does not exist`, category: 'OBJECT_NOT_FOUND' });

interface CreatedProperty {
  name: string;
  type: string;
  fieldType: string;
  groupName: string;
  options?: Array<{ value: string; hidden: boolean }>;
}

/** A portal that remembers which group and properties exist, and records what was created. */
function fakePortal(existing: { group: boolean; properties: string[] }) {
  const state = { group: existing.group, properties: new Set(existing.properties), created: [] as string[], createdBodies: [] as CreatedProperty[] };
  const portal = nock(hubspotHost).persist();
  portal
    .get('/crm/v3/properties/contacts/groups/accord')
    .reply(() => (state.group ? [200, { name: 'accord', label: 'Accord', displayOrder: -1, archived: false }, json] : [404, notFound('group accord'), json]))
    .get(/^\/crm\/v3\/properties\/contacts\/accord_[a-z_]+$/)
    .reply((uri) => {
      const name = uri.split('/').pop() ?? '';
      return state.properties.has(name) ? [200, { name, label: name, type: 'string', fieldType: 'text', groupName: 'accord' }, json] : [404, notFound(name), json];
    });
  if (!existing.group) {
    portal.post('/crm/v3/properties/contacts/groups').reply((_uri, body) => {
      state.group = true;
      state.created.push(`group:${(body as { name: string }).name}`);
      return [201, { ...(body as object), displayOrder: -1, archived: false }, json];
    });
  }
  if (existing.properties.length < accordContactProperties.length) {
    portal.post('/crm/v3/properties/contacts').reply((_uri, body) => {
      const property = body as CreatedProperty;
      if (state.properties.has(property.name)) return [409, { status: 'error', message: 'Property already exists', category: 'CONFLICT' }, json];
      state.properties.add(property.name);
      state.created.push(property.name);
      state.createdBodies.push(property);
      return [201, body as object, json];
    });
  }
  return state;
}

describe('HubSpot adapter install', () => {
  it('creates the accord group and every Accord property on a fresh portal', async () => {
    const portal = fakePortal({ group: false, properties: [] });

    await adapter.install(connection);

    expect(portal.created).toEqual(['group:accord', ...accordContactProperties.map((p) => p.name)]);
    const stage = portal.createdBodies.find((p) => p.name === 'accord_stage');
    expect(stage).toMatchObject({ type: 'enumeration', fieldType: 'select', groupName: 'accord' });
    expect(stage?.options?.map((o) => o.value)).toEqual(['disqualified', 'nurture', 'mql', 'sales_ready', 'sql']);
    expect(stage?.options?.every((o) => o.hidden === false)).toBe(true);
    expect(portal.createdBodies.find((p) => p.name === 'accord_sla_due_at')).toMatchObject({ type: 'datetime', fieldType: 'date' });
  });

  it('creates nothing the second time', async () => {
    const portal = fakePortal({ group: false, properties: [] });
    await adapter.install(connection);
    const afterFirst = portal.created.length;

    await adapter.install(connection);

    expect(afterFirst).toBe(accordContactProperties.length + 1);
    expect(portal.created).toHaveLength(afterFirst);
  });

  it('creates only what is missing', async () => {
    const portal = fakePortal({ group: true, properties: ['accord_score', 'accord_stage'] });

    await adapter.install(connection);

    expect(portal.created).toEqual(accordContactProperties.map((p) => p.name).filter((n) => n !== 'accord_score' && n !== 'accord_stage'));
  });

  it('treats a property created concurrently (409) as installed', async () => {
    nock(hubspotHost).get('/crm/v3/properties/contacts/groups/accord').reply(200, { name: 'accord', label: 'Accord', displayOrder: -1, archived: false }, json);
    for (const property of accordContactProperties) {
      nock(hubspotHost).get(`/crm/v3/properties/contacts/${property.name}`).reply(404, notFound(property.name), json);
      nock(hubspotHost).post('/crm/v3/properties/contacts').reply(409, { status: 'error', message: 'Property already exists', category: 'CONFLICT' }, json);
    }

    await expect(adapter.install(connection)).resolves.toBeUndefined();
  });

  it('stops on a refusal other than "missing" or "exists"', async () => {
    nock(hubspotHost)
      .get('/crm/v3/properties/contacts/groups/accord')
      .reply(403, { status: 'error', message: 'This app hasn\'t been granted all required scopes', category: 'MISSING_SCOPES' }, json);

    await expect(adapter.install(connection)).rejects.toMatchObject({ name: 'HubspotRequestError', status: 403 });
  });
});
