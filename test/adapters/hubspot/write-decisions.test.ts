/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { createHubspotAdapter } from '../../../adapters/hubspot/create-hubspot-adapter';
import type { LeadWrite } from '../../../src/core/crm-adapter';
import { batchResponseJson, connection, contactJson, hubspotHost, json, useNock } from './hubspot-nock';

useNock();

interface BatchUpdateBody {
  inputs: Array<{ id: string; properties: Record<string, string> }>;
}

const adapter = createHubspotAdapter({ clientSecret: 'secret', appId: '54321' });
const updatePath = '/crm/v3/objects/contacts/batch/update';

// HubSpot's answer when one input of a batch update fails validation: the whole batch is refused.
const invalidOption = {
  status: 'error',
  message: 'Property values were not valid: [{"isValid":false,"message":"bogus was not one of the allowed options","error":"INVALID_OPTION","name":"accord_stage"}]',
  correlationId: 'b5d2c6c1-1c7e-4f0b-9bbb-2f8f8d7f8a11',
  category: 'VALIDATION_ERROR',
};

/** A fake HubSpot that refuses any batch containing one of `badIds`, recording every batch it is sent. */
function hubspotRefusing(badIds: string[], calls: string[][]) {
  return nock(hubspotHost)
    .persist()
    .post(updatePath)
    .reply((_uri, body) => {
      const { inputs } = body as BatchUpdateBody;
      calls.push(inputs.map((input) => input.id));
      if (inputs.some((input) => badIds.includes(input.id))) return [400, invalidOption, json];
      return [200, batchResponseJson(inputs.map((input) => contactJson(input.id, input.properties))), json];
    });
}

describe('HubSpot adapter writeDecisions', () => {
  it('sends only the given fields, as HubSpot property values', async () => {
    let sent: BatchUpdateBody | undefined;
    nock(hubspotHost, { reqheaders: { authorization: 'Bearer pat-na1-token-a' } })
      .post(updatePath)
      .reply(200, (_uri, body) => {
        sent = body as BatchUpdateBody;
        return batchResponseJson(sent.inputs.map((input) => contactJson(input.id, input.properties)));
      }, json);

    const outcomes = await adapter.writeDecisions(connection, [
      { recordId: '1001', fields: { score: 72, stage: 'sales_ready', ownerId: '77001' } },
      { recordId: '1002', fields: { slaDueAt: '2024-11-06T16:00:00.000Z', why: null } },
    ]);

    expect(sent).toEqual({
      inputs: [
        { id: '1001', properties: { accord_score: '72', accord_stage: 'sales_ready', hubspot_owner_id: '77001' } },
        { id: '1002', properties: { accord_sla_due_at: '1730908800000', accord_why: '' } },
      ],
    });
    expect(outcomes).toEqual([
      { recordId: '1001', ok: true },
      { recordId: '1002', ok: true },
    ]);
  });

  it('writes 150 records in two calls of at most 100', async () => {
    const calls: string[][] = [];
    hubspotRefusing([], calls);
    const writes: LeadWrite[] = Array.from({ length: 150 }, (_, i) => ({ recordId: String(i + 1), fields: { score: i % 101 } }));

    const outcomes = await adapter.writeDecisions(connection, writes);

    expect(calls.map((ids) => ids.length)).toEqual([100, 50]);
    expect(outcomes).toHaveLength(150);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes.map((outcome) => outcome.recordId)).toEqual(writes.map((write) => write.recordId));
  });

  it('isolates a record HubSpot refuses so the rest of its batch is still written', async () => {
    const calls: string[][] = [];
    hubspotRefusing(['3'], calls);
    const writes: LeadWrite[] = ['1', '2', '3', '4'].map((recordId) => ({ recordId, fields: { stage: recordId === '3' ? 'bogus' : 'mql' } }));

    const outcomes = await adapter.writeDecisions(connection, writes);

    expect(calls).toEqual([['1', '2', '3', '4'], ['1', '2'], ['3', '4'], ['3'], ['4']]);
    expect(outcomes).toEqual([
      { recordId: '1', ok: true },
      { recordId: '2', ok: true },
      {
        recordId: '3',
        ok: false,
        retryable: false,
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('bogus was not one of the allowed options'),
      },
      { recordId: '4', ok: true },
    ]);
  });

  it('isolates one bad record among 100 in a bounded number of calls', async () => {
    const calls: string[][] = [];
    hubspotRefusing(['57'], calls);
    const writes: LeadWrite[] = Array.from({ length: 100 }, (_, i) => ({ recordId: String(i), fields: { score: 1 } }));

    const outcomes = await adapter.writeDecisions(connection, writes);

    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.recordId)).toEqual(['57']);
    expect(calls.length).toBeLessThanOrEqual(16);
  });

  it('fails the records a refusal names and writes the others in one more call', async () => {
    const calls: string[][] = [];
    nock(hubspotHost)
      .post(updatePath)
      .times(2)
      .reply((_uri, body) => {
        const { inputs } = body as BatchUpdateBody;
        calls.push(inputs.map((input) => input.id));
        if (inputs.some((input) => input.id === '404404')) {
          return [400, { status: 'error', message: 'Could not find objects', category: 'OBJECT_NOT_FOUND', context: { ids: ['404404'] } }, json];
        }
        return [200, batchResponseJson(inputs.map((input) => contactJson(input.id))), json];
      });

    const outcomes = await adapter.writeDecisions(connection, ['1', '404404', '2'].map((recordId) => ({ recordId, fields: { score: 5 } })));

    expect(calls).toEqual([['1', '404404', '2'], ['1', '2']]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual(['ok', 'OBJECT_NOT_FOUND', 'ok']);
  });

  it('reads per-record errors from a 207 answer', async () => {
    nock(hubspotHost)
      .post(updatePath)
      .reply(
        207,
        batchResponseJson(
          [contactJson('1')],
          [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Object not found.  objectId are usually numeric.', context: { ids: ['2'] }, errors: [], links: {} }],
        ),
        json,
      );

    const outcomes = await adapter.writeDecisions(connection, ['1', '2', '3'].map((recordId) => ({ recordId, fields: { score: 5 } })));

    expect(outcomes).toEqual([
      { recordId: '1', ok: true },
      { recordId: '2', ok: false, retryable: false, code: 'OBJECT_NOT_FOUND', message: 'Object not found.  objectId are usually numeric.' },
      { recordId: '3', ok: false, retryable: true, code: 'NOT_CONFIRMED', message: 'HubSpot did not report this record as updated' },
    ]);
  });

  it('fails a write whose fields cannot be expressed, and makes no call for writes with no fields', async () => {
    let sentIds: string[] = [];
    nock(hubspotHost)
      .post(updatePath)
      .reply(200, (_uri, body) => {
        sentIds = (body as BatchUpdateBody).inputs.map((input) => input.id);
        return batchResponseJson(sentIds.map((id) => contactJson(id)));
      }, json);

    const outcomes = await adapter.writeDecisions(connection, [
      { recordId: '1', fields: { slaDueAt: 'not a date' } },
      { recordId: '2', fields: {} },
      { recordId: '3', fields: { score: 9 } },
    ]);

    expect(sentIds).toEqual(['3']);
    expect(outcomes).toEqual([
      { recordId: '1', ok: false, retryable: false, code: 'INVALID_FIELD', message: 'slaDueAt is not a date: "not a date"' },
      { recordId: '2', ok: true },
      { recordId: '3', ok: true },
    ]);
  });

  it('merges two writes to one record into one input, since HubSpot refuses duplicate ids', async () => {
    let sent: BatchUpdateBody | undefined;
    nock(hubspotHost)
      .post(updatePath)
      .reply(200, (_uri, body) => {
        sent = body as BatchUpdateBody;
        return batchResponseJson(sent.inputs.map((input) => contactJson(input.id)));
      }, json);

    const outcomes = await adapter.writeDecisions(connection, [
      { recordId: '1', fields: { score: 10, stage: 'nurture' } },
      { recordId: '2', fields: { score: 20 } },
      { recordId: '1', fields: { score: 80 } },
    ]);

    expect(sent?.inputs).toEqual([
      { id: '1', properties: { accord_score: '80', accord_stage: 'nurture' } },
      { id: '2', properties: { accord_score: '20' } },
    ]);
    expect(outcomes).toEqual([
      { recordId: '1', ok: true },
      { recordId: '2', ok: true },
      { recordId: '1', ok: true },
    ]);
  });

  it('does not split a batch HubSpot refuses for every record alike (403: missing scope)', async () => {
    nock(hubspotHost)
      .post(updatePath)
      .reply(403, { status: 'error', message: 'This app hasn\'t been granted all required scopes', category: 'MISSING_SCOPES' }, json);

    await expect(adapter.writeDecisions(connection, ['1', '2'].map((recordId) => ({ recordId, fields: { score: 1 } })))).rejects.toMatchObject({
      name: 'HubspotRequestError',
      status: 403,
      category: 'MISSING_SCOPES',
    });
  });
});
