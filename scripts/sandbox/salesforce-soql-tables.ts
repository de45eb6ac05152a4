import { soqlTypeOf } from './salesforce-field-spec';
import type { SalesforceState } from './salesforce-state';
import { fullName } from './salesforce-user-directory';
import type { SoqlTable } from './soql-table';

/** The objects SOQL can query in the sandbox org: Lead (with ConvertedOpportunity), User (with UserRole), UserRole, LeadStatus, Account, Opportunity. */
export function salesforceSoqlTables(state: SalesforceState): ReadonlyMap<string, SoqlTable> {
  const userRole: SoqlTable = {
    name: 'UserRole',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'Name', type: 'string' },
    ],
    rows: () => state.users.listRoles().map((role) => ({ ...role })),
  };
  const user: SoqlTable = {
    name: 'User',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'Username', type: 'string' },
      { name: 'Name', type: 'string' },
      { name: 'FirstName', type: 'string' },
      { name: 'LastName', type: 'string' },
      { name: 'Email', type: 'string' },
      { name: 'IsActive', type: 'boolean' },
      { name: 'UserRoleId', type: 'id' },
    ],
    relationships: [{ name: 'UserRole', table: userRole }],
    rows: () => state.users.list().map((u) => ({ ...u, Name: fullName(u), UserRole: state.users.role(u.UserRoleId) })),
  };
  const leadStatus: SoqlTable = {
    name: 'LeadStatus',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'MasterLabel', type: 'string' },
      { name: 'ApiName', type: 'string' },
      { name: 'SortOrder', type: 'int' },
      { name: 'IsDefault', type: 'boolean' },
      { name: 'IsConverted', type: 'boolean' },
    ],
    rows: () => state.statuses.map((status) => ({ ...status })),
  };
  const opportunity: SoqlTable = {
    name: 'Opportunity',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'Name', type: 'string' },
      { name: 'StageName', type: 'string' },
      { name: 'IsClosed', type: 'boolean' },
      { name: 'IsWon', type: 'boolean' },
      { name: 'CloseDate', type: 'date' },
      { name: 'Amount', type: 'double' },
      { name: 'LastModifiedDate', type: 'datetime' },
      { name: 'SystemModstamp', type: 'datetime' },
    ],
    rows: () => [...state.opportunities.values()].map((o) => ({ ...o })),
  };
  const lead: SoqlTable = {
    name: 'Lead',
    get fields() {
      return [...state.leadFields().values()].map((spec) => ({ name: spec.name, type: soqlTypeOf(spec.type) }));
    },
    relationships: [{ name: 'ConvertedOpportunity', table: opportunity }],
    rows: () =>
      state.leads.list().map((l) => {
        const converted = typeof l.ConvertedOpportunityId === 'string' ? state.opportunities.get(l.ConvertedOpportunityId) : undefined;
        return { ...l, ConvertedOpportunity: converted ? { ...converted } : null };
      }),
  };
  const account: SoqlTable = {
    name: 'Account',
    fields: [
      { name: 'Id', type: 'id' },
      { name: 'Name', type: 'string' },
      { name: 'Website', type: 'string' },
      { name: 'OwnerId', type: 'id' },
      { name: 'CreatedDate', type: 'datetime' },
    ],
    // Websites as people type them, so the adapter's normalising is exercised.
    rows: () => state.accounts.map((a) => ({ Id: a.id, Name: a.name, Website: `https://www.${a.domain}/`, OwnerId: a.ownerId, CreatedDate: new Date(a.createdAt).toISOString() })),
  };
  return new Map([lead, user, userRole, leadStatus, account, opportunity].map((table) => [table.name.toLowerCase(), table]));
}
