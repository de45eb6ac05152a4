import type { Lead } from '../../src/core/lead';
import { callHubspot } from './call-hubspot';
import { chunk } from '../../src/core/chunk';
import type { HubspotApis } from './create-hubspot-apis';
import { hubspotBatchSize } from './hubspot-batch-size';
import { hubspotContactProperties, hubspotContactToLead } from './hubspot-contact-to-lead';

/**
 * Batch-reads contacts as leads, 100 per call, one call after another so a tenant's rate limit is
 * spent evenly. Ids HubSpot cannot find come back as a 207 with errors; they are simply left out.
 */
export async function readHubspotContacts(apis: HubspotApis, tenantId: string, recordIds: string[], timeoutMs: number): Promise<Lead[]> {
  const leads: Lead[] = [];
  for (const ids of chunk([...new Set(recordIds)], hubspotBatchSize)) {
    const response = await callHubspot('read contacts', timeoutMs, () =>
      // POST /crm/v3/objects/contacts/batch/read
      apis.contactsBatch.read(
        { inputs: ids.map((id) => ({ id })), properties: [...hubspotContactProperties], propertiesWithHistory: [] },
        false,
      ),
    );
    for (const contact of response.results) leads.push(hubspotContactToLead(tenantId, contact));
  }
  return leads;
}
