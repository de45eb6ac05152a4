import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';

const pageSize = 100;

/** One page of contact ids in id order, and the cursor of the next page (null when this was the last). */
export async function listHubspotContactIds(apis: HubspotApis, after: string | null, timeoutMs: number): Promise<{ ids: string[]; after: string | null }> {
  const page = await callHubspot('list contacts', timeoutMs, () =>
    // GET /crm/v3/objects/contacts?limit=100&after=…
    apis.contactsBasic.getPage(pageSize, after ?? undefined, [], undefined, undefined, false),
  );
  return { ids: page.results.map((contact) => contact.id), after: page.paging?.next?.after ?? null };
}
