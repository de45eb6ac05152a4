import type { Router } from 'express';
import { contactSearchRequestSchema } from './contact-search-request';
import type { HubspotRouteContext } from './hubspot-route-context';
import { parseRequestBody } from './parse-request-body';

/**
 * `POST /crm/v3/objects/companies/search`, behind search's own limit: the filters Accord's account
 * match sends (`domain` EQ or IN), every group OR-ed, filters in a group AND-ed, oldest first.
 */
export function registerCompanySearchRoute(router: Router, ctx: HubspotRouteContext): void {
  router.post('/crm/v3/objects/companies/search', ...ctx.searchGuards, (req, res) => {
    const request = parseRequestBody(contactSearchRequestSchema, req.body);
    const valueOf = (c: { id: string; name: string; domain: string; ownerId: string }, name: string): string | null =>
      name === 'domain' ? c.domain : name === 'name' ? c.name : name === 'hubspot_owner_id' ? c.ownerId : name === 'hs_object_id' ? c.id : null;
    const matches = ctx.state.companies.filter((company) =>
      request.filterGroups.length === 0 ||
      request.filterGroups.some((group) =>
        group.filters.every((f) => {
          const value = valueOf(company, f.propertyName)?.toLowerCase() ?? null;
          if (f.operator === 'EQ') return value === (f.value ?? '').toLowerCase();
          if (f.operator === 'IN') return value !== null && (f.values ?? []).some((v) => v.toLowerCase() === value);
          return false;
        }),
      ),
    );
    const start = Number(request.after ?? 0) || 0;
    const page = matches.slice(start, start + request.limit);
    const properties = request.properties.length > 0 ? request.properties : ['domain', 'name'];
    res.json({
      total: matches.length,
      results: page.map((c) => ({
        id: c.id,
        properties: Object.fromEntries(properties.map((p) => [p, valueOf(c, p)])),
        createdAt: new Date(c.createdAt).toISOString(),
        updatedAt: new Date(c.createdAt).toISOString(),
        archived: false,
      })),
      ...(start + request.limit < matches.length ? { paging: { next: { after: String(start + request.limit) } } } : {}),
    });
  });
}
