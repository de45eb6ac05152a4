import type { Router } from 'express';
import { z } from 'zod';
import { batchResponse } from './batch-response';
import { validationError } from './hubspot-api-error';
import type { ContactRecord } from './hubspot-contact-record';
import { idPropertyOf } from './hubspot-contact-routes';
import type { HubspotRouteContext } from './hubspot-route-context';
import { parseRequestBody } from './parse-request-body';
import { defaultContactProperties, toPublicContact } from './public-contact';
import { queryFlag } from './query-list';

export const batchLimit = 100;

const objectId = z.union([z.string().min(1), z.number()]).transform(String);
const inputs = <Item extends z.ZodType>(item: Item) =>
  z.array(item).max(batchLimit, { message: `Too many inputs: a batch takes at most ${batchLimit}.` });

const readBody = z.looseObject({
  inputs: inputs(z.looseObject({ id: objectId })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
const updateBody = z.looseObject({
  inputs: inputs(z.looseObject({ id: objectId, properties: z.record(z.string(), z.unknown()), idProperty: z.string().optional() })),
});
const createBody = z.looseObject({
  inputs: inputs(z.looseObject({ properties: z.record(z.string(), z.unknown()), associations: z.array(z.unknown()).optional() })),
});
const archiveBody = z.looseObject({ inputs: inputs(z.looseObject({ id: objectId })) });

function assertUniqueIds(ids: readonly string[]): void {
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (duplicates.length > 0) {
    throw validationError(`Duplicate IDs found in batch input: [${duplicates.join(', ')}]. IDs must be unique`, { context: { ids: duplicates } });
  }
}

/** `/crm/v3/objects/contacts/batch/{read,update,create,archive}` with HubSpot's 100-input limit and 207 partial reads. */
export function registerContactBatchRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, guards, appSource, clock } = ctx;
  const known = (name: string) => state.properties.find(name) !== undefined;

  router.post('/crm/v3/objects/contacts/batch/read', ...guards, (req, res) => {
    const startedAt = clock();
    const body = parseRequestBody(readBody, req.body);
    const idProperty = idPropertyOf(body.idProperty);
    const archived = queryFlag(req.query.archived);
    const ids = [...new Set(body.inputs.map((input) => input.id))];
    const found: ContactRecord[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const record = state.contacts.find(id, { archived, idProperty });
      if (record) found.push(record);
      else missing.push(id);
    }
    const results = found.map((r) => toPublicContact(r, body.properties ?? [], body.propertiesWithHistory ?? [], known));
    if (missing.length === 0) {
      res.json(batchResponse(results, startedAt, clock()));
      return;
    }
    res.status(207).json({
      ...batchResponse(results, startedAt, clock()),
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: missing },
        },
      ],
    });
  });

  router.post('/crm/v3/objects/contacts/batch/update', ...guards, (req, res) => {
    const startedAt = clock();
    const body = parseRequestBody(updateBody, req.body);
    const updates = body.inputs.map((input) => {
      const record = idPropertyOf(input.idProperty) === 'email' ? state.contacts.find(input.id, { idProperty: 'email' }) : undefined;
      return { id: record?.id ?? input.id, properties: input.properties };
    });
    assertUniqueIds(updates.map((u) => u.id));
    const records = state.contacts.updateMany(updates, appSource);
    const results = records.map((r, i) =>
      toPublicContact(r, [...defaultContactProperties, ...Object.keys(updates[i]?.properties ?? {})], [], known),
    );
    res.json(batchResponse(results, startedAt, clock()));
  });

  router.post('/crm/v3/objects/contacts/batch/create', ...guards, (req, res) => {
    const startedAt = clock();
    const body = parseRequestBody(createBody, req.body);
    const records = state.contacts.createMany(body.inputs.map((input) => input.properties), appSource);
    const results = records.map((r, i) =>
      toPublicContact(r, [...defaultContactProperties, ...Object.keys(body.inputs[i]?.properties ?? {})], [], known),
    );
    res.status(201).json(batchResponse(results, startedAt, clock()));
  });

  router.post('/crm/v3/objects/contacts/batch/archive', ...guards, (req, res) => {
    const body = parseRequestBody(archiveBody, req.body);
    for (const input of body.inputs) state.contacts.archive(input.id, appSource);
    res.status(204).end();
  });
}
