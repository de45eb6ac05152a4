import type { HubspotOwner } from './hubspot-owner';

/** An owner in the JSON of `GET /crm/v3/owners`. */
export function toPublicOwner(owner: HubspotOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON' as const,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
    teams: owner.teams.map((team) => ({ ...team })),
  };
}
