import type { Router } from 'express';
import { z } from 'zod';
import { validationError } from './hubspot-api-error';
import type { ContactIdProperty } from './hubspot-contact-store';
import type { HubspotRouteContext } from './hubspot-route-context';
import { nextPage } from './page-link';
import { parseRequestBody } from './parse-request-body';
import { defaultContactProperties, toPublicContact } from './public-contact';
import { queryFlag, queryList, queryString } from './query-list';

const listPageMax = 100;

const createBody = z.looseObject({
  properties: z.record(z.string(), z.unknown()),
  associations: z.array(z.unknown()).optional(),
});

const updateBody = z.looseObject({ properties: z.record(z.string(), z.unknown()) });

const gdprDeleteBody = z.looseObject({ objectId: z.string().min(1), idProperty: z.string().optional() });

export function idPropertyOf(value: unknown): ContactIdProperty | undefined {
  const idProperty = queryString(value);
  if (idProperty === undefined || idProperty === 'hs_object_id') return undefined;
  if (idProperty === 'email') return 'email';
  throw validationError(`Property ${idProperty} is not a unique identifier property for object type CONTACT.`);
}

/** Single-contact CRUD, the paged list and GDPR delete: `/crm/v3/objects/contacts[/:contactId]`. */
export function registerContactRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, guards, appSource } = ctx;
  const known = (name: string) => state.properties.find(name) !== undefined;

  router.get('/crm/v3/objects/contacts', ...guards, (req, res) => {
    const limit = Math.min(Math.max(Number(queryString(req.query.limit) ?? 10) || 10, 1), listPageMax);
    const after = Number(queryString(req.query.after) ?? 0) || 0;
    const matching = state.contacts.list({ archived: queryFlag(req.query.archived) }).filter((r) => Number(r.id) > after);
    const page = matching.slice(0, limit);
    const properties = queryList(req.query.properties);
    const withHistory = queryList(req.query.propertiesWithHistory);
    const last = page[page.length - 1];
    res.json({
      results: page.map((r) => toPublicContact(r, properties, withHistory, known)),
      ...(matching.length > limit && last ? { paging: nextPage(req, last.id, { limit: String(limit) }) } : {}),
    });
  });

  router.post('/crm/v3/objects/contacts', ...guards, (req, res) => {
    const body = parseRequestBody(createBody, req.body);
    const record = state.contacts.create(body.properties, appSource);
    res.status(201).json(toPublicContact(record, [...defaultContactProperties, ...Object.keys(body.properties)], [], known));
  });

  router.post('/crm/v3/objects/contacts/gdpr-delete', ...guards, (req, res) => {
    const body = parseRequestBody(gdprDeleteBody, req.body);
    state.contacts.purge(body.objectId, appSource, { idProperty: idPropertyOf(body.idProperty) });
    res.status(204).end();
  });

  router.get('/crm/v3/objects/contacts/:contactId', ...guards, (req, res) => {
    const record = state.contacts.get(String(req.params.contactId), {
      archived: queryFlag(req.query.archived),
      idProperty: idPropertyOf(req.query.idProperty),
    });
    res.json(toPublicContact(record, queryList(req.query.properties), queryList(req.query.propertiesWithHistory), known));
  });

  router.patch('/crm/v3/objects/contacts/:contactId', ...guards, (req, res) => {
    const body = parseRequestBody(updateBody, req.body);
    const record = state.contacts.update(String(req.params.contactId), body.properties, appSource, {
      idProperty: idPropertyOf(req.query.idProperty),
    });
    res.json(toPublicContact(record, [...defaultContactProperties, ...Object.keys(body.properties)], [], known));
  });

  router.delete('/crm/v3/objects/contacts/:contactId', ...guards, (req, res) => {
    state.contacts.archive(String(req.params.contactId), appSource);
    res.status(204).end();
  });
}
