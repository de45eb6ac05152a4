/** Who made a write, as HubSpot reports it in webhooks (`changeSource`, `sourceId`) and property history. */
export interface WriteSource {
  changeSource: 'INTEGRATION' | 'CRM_UI' | 'IMPORT' | 'FORM' | 'CALCULATED';
  sourceId: string | null;
}

export interface PropertyVersion {
  value: string;
  timestamp: number;
  sourceType: WriteSource['changeSource'];
  sourceId: string | null;
}

/** A contact as the sandbox stores it. Values are strings, as HubSpot returns them; unset properties are absent. */
export interface ContactRecord {
  id: string;
  properties: Record<string, string>;
  /** Newest first, like HubSpot's `propertiesWithHistory`. */
  history: Record<string, PropertyVersion[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | null;
}

interface ChangeBase {
  objectId: string;
  occurredAt: number;
  source: WriteSource;
}

/** What happened to a contact; the webhook module turns these into HubSpot events. */
export type ContactChange =
  | (ChangeBase & { kind: 'created' })
  | (ChangeBase & { kind: 'propertyChanged'; propertyName: string; propertyValue: string })
  | (ChangeBase & { kind: 'deleted' })
  | (ChangeBase & { kind: 'privacyDeleted' });
