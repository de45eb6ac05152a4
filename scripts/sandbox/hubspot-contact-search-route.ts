import type { Router } from 'express';
import { contactSearchRequestSchema } from './contact-search-request';
import type { HubspotRouteContext } from './hubspot-route-context';
import { parseRequestBody } from './parse-request-body';
import { toPublicContact } from './public-contact';
import { searchContacts } from './search-contacts';

/** `POST /crm/v3/objects/contacts/search`, behind search's own 5-per-second limit. */
export function registerContactSearchRoute(router: Router, ctx: HubspotRouteContext): void {
  const { state, searchGuards } = ctx;
  const known = (name: string) => state.properties.find(name) !== undefined;

  router.post('/crm/v3/objects/contacts/search', ...searchGuards, (req, res) => {
    const request = parseRequestBody(contactSearchRequestSchema, req.body);
    const page = searchContacts(state.contacts.list(), request, state.properties);
    res.json({
      total: page.total,
      results: page.results.map((r) => toPublicContact(r, request.properties, [], known)),
      ...(page.nextAfter === undefined ? {} : { paging: { next: { after: String(page.nextAfter) } } }),
    });
  });
}
