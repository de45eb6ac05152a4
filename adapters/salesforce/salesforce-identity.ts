import { toSalesforceId18 } from './salesforce-id';

/** The org and user a token was issued for, from the token answer's identity URL (`…/id/{orgId}/{userId}`), as 18-character ids. */
export function readSalesforceIdentity(idUrl: string): { organizationId: string; userId: string } {
  const [org, user] = new URL(idUrl).pathname.split('/').slice(-2);
  const organizationId = org ? toSalesforceId18(org) : null;
  const userId = user ? toSalesforceId18(user) : null;
  if (!organizationId || !userId) throw new Error(`Salesforce's token answer has no usable identity URL (${idUrl})`);
  return { organizationId, userId };
}
