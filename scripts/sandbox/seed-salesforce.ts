import type { SalesforceState } from './salesforce-state';
import type { SeedData } from './seed-sandbox';
import { seedContactToSalesforceLead } from './seed-contact-to-salesforce-lead';

/**
 * Puts the seed into the org as existing data: one role per regional office (routing's teams), a user
 * per sales owner in the same order as HubSpot's owners (so ids sort alike and round robins agree),
 * then the seed's people as leads — silently, as an old import: no outbound messages.
 * Returns HubSpot owner id → Salesforce user id.
 */
export function seedSalesforce(state: SalesforceState, seed: SeedData, options: { activityFields: boolean }): Map<string, string> {
  const ownerIds = new Map<string, string>();
  for (const owner of seed.owners) {
    const role = state.users.roleNamed(owner.region) ?? state.users.addRole({ Id: state.newRoleId(), Name: owner.region });
    const user = state.users.add({
      Id: state.newUserId(),
      Username: owner.email,
      FirstName: owner.firstName || null,
      LastName: owner.lastName || owner.firstName,
      Email: owner.email,
      IsActive: !owner.archived,
      UserRoleId: role.Id,
    });
    ownerIds.set(owner.id, user.Id);
  }
  for (const contact of seed.contacts) {
    const { createdate: _createdate, ...properties } = contact.properties;
    state.leads.create(seedContactToSalesforceLead(properties, { ownerIds, activityFields: options.activityFields }), state.adminUserId, {
      silent: true,
      fillRequired: true,
      defaultOwnerId: state.leadQueueId,
      createdAt: contact.createdAt,
      modifiedAt: contact.updatedAt,
    });
  }
  return ownerIds;
}
