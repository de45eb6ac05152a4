import { sameSalesforceId, toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';

export interface SalesforceRole {
  Id: string;
  Name: string;
}

export interface SalesforceUser {
  Id: string;
  Username: string;
  FirstName: string | null;
  LastName: string;
  Email: string;
  IsActive: boolean;
  UserRoleId: string | null;
}

/** The org's users and roles (roles are where Accord's routing finds teams). */
export class SalesforceUserDirectory {
  private readonly users = new Map<string, SalesforceUser>();
  private readonly roles = new Map<string, SalesforceRole>();

  addRole(role: SalesforceRole): SalesforceRole {
    this.roles.set(role.Id, role);
    return role;
  }

  roleNamed(name: string): SalesforceRole | undefined {
    return [...this.roles.values()].find((role) => role.Name === name);
  }

  add(user: SalesforceUser): SalesforceUser {
    this.users.set(user.Id, { ...user });
    return user;
  }

  get size(): number {
    return this.users.size;
  }

  find(id: string): SalesforceUser | undefined {
    const key = toSalesforceId18(id);
    return key === null ? undefined : this.users.get(key);
  }

  list(): SalesforceUser[] {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  role(id: string | null): SalesforceRole | null {
    return id === null ? null : (this.roles.get(id) ?? null);
  }

  listRoles(): SalesforceRole[] {
    return [...this.roles.values()];
  }

  setActive(id: string, active: boolean): void {
    const user = [...this.users.values()].find((u) => sameSalesforceId(u.Id, id));
    if (!user) throw new Error(`no user ${id}`);
    user.IsActive = active;
  }
}

export function fullName(user: Pick<SalesforceUser, 'FirstName' | 'LastName'>): string {
  return [user.FirstName, user.LastName].filter((part) => part && part.trim() !== '').join(' ');
}
