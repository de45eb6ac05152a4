/** A company (HubSpot) or account (Salesforce) in the sandbox: the account match's side of routing. */
export interface SandboxCompany {
  id: string;
  name: string;
  /** HubSpot's `domain` property; Salesforce's Website holds it as a URL. */
  domain: string;
  /** HubSpot owner id, or Salesforce user id. */
  ownerId: string;
  createdAt: number;
}
