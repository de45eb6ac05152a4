/** A CRM user who can own leads. */
export interface Owner {
  id: string;
  name: string;
  email: string | null;
  /** Team names from the CRM (HubSpot teams, Salesforce roles/queues). */
  teams: string[];
  /** False when the CRM marks the user inactive/archived or the owner is out of office. */
  available: boolean;
  /** IANA zone ("America/New_York") for business hours and daily caps; else the definition's. */
  timeZone?: string;
  /** An absence known ahead (ISO instants, `until` exclusive; null = until further notice). */
  outOfOffice?: { from: string; until: string | null } | null;
}
