import type { RequestHandler } from 'express';
import { toSalesforceId18 } from '../../../adapters/salesforce/salesforce-id';
import { ApiError } from './api-error';
import { apiKeyHash } from './api-key';
import type { CrmApiDeps } from './crm-api-deps';
import { requireInstalled } from './require-installed';

const bearer = /^Bearer ([A-Za-z0-9_-]{43,})$/;

/**
 * Apex calls through the Named Credential `Accord_API`, which adds the org's API key; only the hash
 * is stored, found by an indexed lookup of SHA-256(key). The org id header must match the key's org,
 * so a key leaked from one org cannot act for another.
 */
export function salesforceApiAuth(deps: CrmApiDeps): RequestHandler {
  return async (req, res, next) => {
    const match = bearer.exec(req.get('Authorization') ?? '');
    if (!match?.[1]) throw new ApiError(401, 'unauthorized', 'missing or malformed Authorization: Bearer header');
    const tenant = await deps.store.findTenantByApiKeyHash('salesforce', apiKeyHash(match[1]));
    if (!tenant) throw new ApiError(401, 'unauthorized', 'unknown API key');
    const orgId = toSalesforceId18(req.get('X-Accord-Org-Id') ?? '');
    if (orgId === null || orgId !== toSalesforceId18(tenant.tenantId)) throw new ApiError(401, 'unauthorized', 'the API key belongs to another org');
    const userId = toSalesforceId18(req.get('X-Accord-User-Id') ?? '');
    if (userId === null) throw new ApiError(401, 'unauthorized', 'missing X-Accord-User-Id header');
    await requireInstalled(deps.store, tenant);
    res.locals.auth = { tenant, actor: { id: userId, email: req.get('X-Accord-User-Email') || null } };
    next();
  };
}
