import type { Express } from 'express';
import type { CrmApiDeps } from './crm-api-deps';
import { createCrmApiRouter } from './create-crm-api-router';
import { hubspotApiAuth } from './hubspot-api-auth';
import { salesforceApiAuth } from './salesforce-api-auth';

/** `/api/hubspot` (signed `hubspot.fetch`) and `/api/salesforce` (per-org API key through Apex). */
export function mountCrmApi(app: Express, deps: CrmApiDeps): void {
  app.use('/api/hubspot', createCrmApiRouter(deps, hubspotApiAuth(deps)));
  app.use('/api/salesforce', createCrmApiRouter(deps, salesforceApiAuth(deps)));
}
