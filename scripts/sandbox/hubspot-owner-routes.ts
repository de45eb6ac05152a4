import type { Router } from 'express';
import { validationError } from './hubspot-api-error';
import type { HubspotRouteContext } from './hubspot-route-context';
import { nextPage } from './page-link';
import { toPublicOwner } from './public-owner';
import { queryFlag, queryString } from './query-list';

const ownersPageMax = 500;

/** `GET /crm/v3/owners` (paged, `email` and `archived` filters) and `GET /crm/v3/owners/:ownerId`. */
export function registerOwnerRoutes(router: Router, ctx: HubspotRouteContext): void {
  const { state, guards } = ctx;

  router.get('/crm/v3/owners', ...guards, (req, res) => {
    const limit = Math.min(Math.max(Number(queryString(req.query.limit) ?? 100) || 100, 1), ownersPageMax);
    const offset = Number(queryString(req.query.after) ?? 0) || 0;
    const owners = state.owners.list({ archived: queryFlag(req.query.archived), email: queryString(req.query.email) });
    const page = owners.slice(offset, offset + limit);
    const more = offset + limit < owners.length;
    res.json({
      results: page.map(toPublicOwner),
      ...(more ? { paging: nextPage(req, String(offset + limit), { limit: String(limit) }) } : {}),
    });
  });

  router.get('/crm/v3/owners/:ownerId', ...guards, (req, res) => {
    const idProperty = queryString(req.query.idProperty) ?? 'id';
    if (idProperty !== 'id' && idProperty !== 'userId') throw validationError(`idProperty must be 'id' or 'userId', got '${idProperty}'.`);
    const owner = state.owners.get(String(req.params.ownerId), { idProperty, archived: queryFlag(req.query.archived) });
    res.json(toPublicOwner(owner));
  });
}
