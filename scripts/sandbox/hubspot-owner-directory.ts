import type { Clock } from './clock';
import { HubspotApiError, objectNotFound } from './hubspot-api-error';
import type { HubspotOwner } from './hubspot-owner';

/** The portal's owners, in the order they were added (HubSpot pages owners in a stable order). */
export class HubspotOwnerDirectory {
  private readonly owners = new Map<string, HubspotOwner>();

  constructor(private readonly clock: Clock) {}

  add(owner: HubspotOwner): HubspotOwner {
    if (this.owners.has(owner.id)) {
      throw new HubspotApiError(409, 'OBJECT_ALREADY_EXISTS', `Owner ${owner.id} already exists.`);
    }
    this.owners.set(owner.id, owner);
    return owner;
  }

  list(options: { archived?: boolean; email?: string } = {}): HubspotOwner[] {
    const archived = options.archived ?? false;
    const email = options.email?.toLowerCase();
    return [...this.owners.values()].filter((o) => o.archived === archived && (!email || o.email.toLowerCase() === email));
  }

  get(id: string, options: { idProperty?: 'id' | 'userId'; archived?: boolean } = {}): HubspotOwner {
    const archived = options.archived ?? false;
    const owner =
      options.idProperty === 'userId'
        ? [...this.owners.values()].find((o) => String(o.userId) === id)
        : this.owners.get(id);
    if (!owner || owner.archived !== archived) throw objectNotFound(`Owner with id ${id} not found`);
    return owner;
  }

  /** True for an active owner: the only ones HubSpot accepts in `hubspot_owner_id`. */
  isAssignable(id: string): boolean {
    const owner = this.owners.get(id);
    return owner !== undefined && !owner.archived;
  }

  /** A rep leaves: HubSpot keeps the owner but archived, and records keep pointing at it. */
  archive(id: string): HubspotOwner {
    const owner = this.get(id);
    const archived = { ...owner, archived: true, updatedAt: this.clock() };
    this.owners.set(id, archived);
    return archived;
  }

  get size(): number {
    return this.owners.size;
  }
}
