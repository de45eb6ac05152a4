import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { accordContactProperties, accordPropertyGroup, type AccordPropertyDefinition } from './accord-contact-properties';
import { callHubspot } from './call-hubspot';
import type { HubspotApis } from './create-hubspot-apis';
import { HubspotRequestError } from './hubspot-request-error';

/**
 * Creates the "accord" property group and Accord's contact properties, skipping what already exists,
 * so running install again (or on two instances at once) changes nothing.
 */
export async function installHubspotProperties(apis: HubspotApis, timeoutMs: number): Promise<void> {
  const groupExists = await exists(() =>
    // GET /crm/v3/properties/contacts/groups/accord
    callHubspot('read the accord property group', timeoutMs, () => apis.propertyGroups.getByName('contacts', accordPropertyGroup.name)),
  );
  if (!groupExists) {
    await tolerateConflict(() =>
      // POST /crm/v3/properties/contacts/groups
      callHubspot('create the accord property group', timeoutMs, () =>
        apis.propertyGroups.create('contacts', { name: accordPropertyGroup.name, label: accordPropertyGroup.label }),
      ),
    );
  }
  for (const definition of accordContactProperties) {
    const propertyExists = await exists(() =>
      // GET /crm/v3/properties/contacts/{propertyName}
      callHubspot(`read property ${definition.name}`, timeoutMs, () => apis.properties.getByName('contacts', definition.name)),
    );
    if (propertyExists) continue;
    await tolerateConflict(() =>
      // POST /crm/v3/properties/contacts
      callHubspot(`create property ${definition.name}`, timeoutMs, () => apis.properties.create('contacts', toPropertyCreate(definition))),
    );
  }
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof HubspotRequestError && error.status === 404) return false;
    throw error;
  }
}

// 409: another install created it between our read and our create — the outcome we wanted.
async function tolerateConflict(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (error instanceof HubspotRequestError && error.status === 409) return;
    throw error;
  }
}

function toPropertyCreate(definition: AccordPropertyDefinition): PropertyCreate {
  // The SDK types `type` and `fieldType` as enums whose values are exactly these strings.
  return { ...definition, formField: false } as PropertyCreate;
}
