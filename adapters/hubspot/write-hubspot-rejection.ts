import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';

/** Sets the rep's rejection fields on one contact ("" clears the note, as HubSpot clears properties). */
export async function writeHubspotRejection(
  apis: HubspotApis,
  recordId: string,
  rejection: { reason: string; note: string | null },
  timeoutMs: number,
): Promise<void> {
  await callHubspot('write rejection', timeoutMs, () =>
    // PATCH /crm/v3/objects/contacts/{contactId}
    apis.contactsBasic.update(recordId, { properties: { accord_rejection_reason: rejection.reason, accord_rejection_note: rejection.note ?? '' } }),
  );
}
