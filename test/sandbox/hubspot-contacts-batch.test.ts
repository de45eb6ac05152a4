import { Client } from '@hubspot/api-client';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { call, sdkClient, startTestSandbox } from './support/test-sandbox';

describe('sandbox HubSpot contact batch API through @hubspot/api-client', () => {
  let sandbox: Sandbox;
  let client: Client;
  let ids: string[];

  beforeEach(async () => {
    sandbox = await startTestSandbox({ preinstallAccordProperties: true });
    client = sdkClient(sandbox);
    const created = await client.crm.contacts.batchApi.create({
      inputs: [1, 2, 3].map((n) => ({ properties: { email: `b${n}@x.example`, firstname: `B${n}` }, associations: [] })),
    });
    ids = created.results.map((r) => r.id).sort();
  });
  afterEach(() => sandbox.close());

  it('batch-creates with 201 and returns every record', async () => {
    expect(ids).toHaveLength(3);
    expect(sandbox.state.hubspot.contacts.size).toBe(3);
  });

  it('batch-reads all ids with 200 and only the asked properties', async () => {
    const read = await client.crm.contacts.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['firstname'], propertiesWithHistory: [] });
    expect(read.status).toBe('COMPLETE');
    expect('numErrors' in read && read.numErrors).toBeFalsy();
    expect(read.results.map((r) => r.properties).sort((a, b) => String(a.firstname).localeCompare(String(b.firstname)))).toEqual([
      { firstname: 'B1' },
      { firstname: 'B2' },
      { firstname: 'B3' },
    ]);
  });

  it('answers a batch read with a missing id with 207: found records plus an OBJECT_NOT_FOUND error naming the id', async () => {
    const raw = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', { inputs: [{ id: ids[0] }, { id: '999999' }], properties: [], propertiesWithHistory: [] });
    expect(raw.status).toBe(207);
    expect(raw.body).toEqual(
      expect.objectContaining({
        status: 'COMPLETE',
        numErrors: 1,
        errors: [expect.objectContaining({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999999'] }, message: expect.any(String) })],
      }),
    );

    const viaSdk = await client.crm.contacts.batchApi.read({ inputs: [{ id: ids[0] ?? '' }, { id: '999999' }], properties: ['email'], propertiesWithHistory: [] });
    expect(viaSdk.results.map((r) => r.id)).toEqual([ids[0]]);
    expect('errors' in viaSdk ? viaSdk.errors?.[0]?.context : undefined).toEqual({ ids: ['999999'] });
  });

  it('batch-reads by email with idProperty', async () => {
    const read = await client.crm.contacts.batchApi.read({ inputs: [{ id: 'b2@x.example' }], idProperty: 'email', properties: ['firstname'], propertiesWithHistory: [] });
    expect(read.results[0]?.properties.firstname).toBe('B2');
  });

  it('batch-updates every input, enumeration values included', async () => {
    const updated = await client.crm.contacts.batchApi.update({
      inputs: ids.map((id, i) => ({ id, properties: { accord_score: String(60 + i), accord_stage: i === 0 ? 'sales_ready' : 'nurture' } })),
    });
    expect(updated.results).toHaveLength(3);
    expect(updated.results.find((r) => r.id === ids[0])?.properties.accord_stage).toBe('sales_ready');
    expect(ids.map((id) => sandbox.state.hubspot.contacts.get(id).properties.accord_score)).toEqual(['60', '61', '62']);
  });

  it('refuses a whole batch update for one unknown property, one bad option or one missing id, and writes nothing', async () => {
    const before = ids.map((id) => sandbox.state.hubspot.contacts.get(id).properties);
    const unknown = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: ids[0], properties: { jobtitle: 'CTO' } },
        { id: ids[1], properties: { accord_scroe: '80' } },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(expect.objectContaining({ category: 'VALIDATION_ERROR', message: expect.stringContaining('accord_scroe') }));
    expect(String(unknown.body?.message)).toContain('PROPERTY_DOESNT_EXIST');

    const badOption = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [{ id: ids[0], properties: { accord_stage: 'hot' } }],
    });
    expect(badOption.status).toBe(400);
    expect(String(badOption.body?.message)).toContain('INVALID_OPTION');

    const missing = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: ids[0], properties: { jobtitle: 'CTO' } },
        { id: '31337', properties: { jobtitle: 'CTO' } },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(expect.objectContaining({ category: 'VALIDATION_ERROR', context: { ids: ['31337'] } }));

    expect(ids.map((id) => sandbox.state.hubspot.contacts.get(id).properties)).toEqual(before);
  });

  it('refuses duplicate ids and more than 100 inputs', async () => {
    const duplicate = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: ids[0], properties: { jobtitle: 'A' } },
        { id: ids[0], properties: { jobtitle: 'B' } },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(String(duplicate.body?.message)).toContain('Duplicate IDs');

    const tooMany = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })),
      properties: [],
      propertiesWithHistory: [],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual(expect.objectContaining({ category: 'VALIDATION_ERROR' }));
  });

  it('batch-archives with 204', async () => {
    await client.crm.contacts.batchApi.archive({ inputs: [{ id: ids[0] ?? '' }] });
    expect(sandbox.state.hubspot.contacts.find(ids[0] ?? '')).toBeUndefined();
    expect(sandbox.state.hubspot.contacts.find(ids[0] ?? '', { archived: true })?.archived).toBe(true);
  });
});
