import type { ContactRecord } from './hubspot-contact-record';

/** What HubSpot returns when a read names no properties. */
export const defaultContactProperties = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];

export interface PublicContact {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: string; sourceType: string; sourceId?: string }>>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

/**
 * A contact in HubSpot's JSON: only the requested properties, unset ones as null, dates as ISO-8601.
 * `knownProperty` drops names the portal does not define, which HubSpot silently ignores on reads.
 */
export function toPublicContact(
  record: ContactRecord,
  requested: readonly string[],
  withHistory: readonly string[],
  knownProperty: (name: string) => boolean,
): PublicContact {
  const names = (requested.length > 0 ? requested : defaultContactProperties).filter(knownProperty);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = record.properties[name] ?? null;
  const contact: PublicContact = {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (record.archivedAt !== null) contact.archivedAt = new Date(record.archivedAt).toISOString();
  const historyNames = withHistory.filter(knownProperty);
  if (historyNames.length > 0) {
    contact.propertiesWithHistory = {};
    for (const name of historyNames) {
      contact.propertiesWithHistory[name] = (record.history[name] ?? []).map((v) => ({
        value: v.value,
        timestamp: new Date(v.timestamp).toISOString(),
        sourceType: v.sourceType,
        ...(v.sourceId === null ? {} : { sourceId: v.sourceId }),
      }));
    }
  }
  return contact;
}
