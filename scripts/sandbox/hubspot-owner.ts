export interface HubspotOwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

/** A HubSpot owner (a user who can own records), as `GET /crm/v3/owners` returns it. */
export interface HubspotOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  teams: HubspotOwnerTeam[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}
