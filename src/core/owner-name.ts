import type { Owner } from './owner';

/** How the why names an owner: their CRM name, else their id (a queue, or someone since removed). */
export function ownerName(owners: readonly Owner[], ownerId: string): string {
  return owners.find((o) => o.id === ownerId)?.name ?? `owner ${ownerId}`;
}
