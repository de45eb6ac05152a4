import type { Router } from 'express';
import { HubspotApiError } from './hubspot-api-error';
import type { PropertyOption } from './hubspot-property-definition';
import type { HubspotRouteContext } from './hubspot-route-context';
import { parseRequestBody } from './parse-request-body';
import { propertyCreateSchema, propertyGroupCreateSchema, propertyUpdateSchema, type PropertyOptionInput } from './property-request-schemas';
import { toPublicProperty, toPublicPropertyGroup } from './public-property';
import { queryFlag } from './query-list';

function withOrder(options: readonly PropertyOptionInput[] | undefined): PropertyOption[] | undefined {
  return options?.map((option, index) => ({ ...option, displayOrder: option.displayOrder ?? index }));
}

/** The object type in the path must be contacts: the sandbox only emulates the contact schema. */
function assertContacts(objectType: unknown): void {
  if (objectType !== 'contacts' && objectType !== 'contact' && objectType !== '0-1') {
    throw new HubspotApiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${String(objectType)}`);
  }
}

/** `/crm/v3/properties/:objectType[/groups][/:name]` for contacts. Groups are registered first so `groups` is never read as a property name. */
export function registerPropertyRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, guards } = ctx;

  router.get('/crm/v3/properties/:objectType/groups', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    res.json({ results: state.properties.listGroups().map(toPublicPropertyGroup) });
  });

  router.post('/crm/v3/properties/:objectType/groups', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    const body = parseRequestBody(propertyGroupCreateSchema, req.body);
    res.status(201).json(toPublicPropertyGroup(state.properties.createGroup(body)));
  });

  router.get('/crm/v3/properties/:objectType/groups/:groupName', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    const group = state.properties.findGroup(String(req.params.groupName));
    if (!group) throw new HubspotApiError(404, 'OBJECT_NOT_FOUND', `Unable to find property group ${req.params.groupName} for object type CONTACT`);
    res.json(toPublicPropertyGroup(group));
  });

  router.get('/crm/v3/properties/:objectType', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    res.json({ results: state.properties.list({ archived: queryFlag(req.query.archived) }).map(toPublicProperty) });
  });

  router.post('/crm/v3/properties/:objectType', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    const body = parseRequestBody(propertyCreateSchema, req.body);
    const created = state.properties.create({ ...body, options: withOrder(body.options) ?? [] });
    res.status(201).json(toPublicProperty(created));
  });

  router.get('/crm/v3/properties/:objectType/:propertyName', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    res.json(toPublicProperty(state.properties.get(String(req.params.propertyName), { archived: queryFlag(req.query.archived) })));
  });

  router.patch('/crm/v3/properties/:objectType/:propertyName', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    const body = parseRequestBody(propertyUpdateSchema, req.body);
    const { options, ...rest } = body;
    const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    const updated = state.properties.update(String(req.params.propertyName), { ...given, ...(options ? { options: withOrder(options) } : {}) });
    res.json(toPublicProperty(updated));
  });

  router.delete('/crm/v3/properties/:objectType/:propertyName', ...guards, (req, res) => {
    assertContacts(req.params.objectType);
    state.properties.archive(String(req.params.propertyName));
    res.status(204).end();
  });
}
