import type { Connection } from 'jsforce';
import type { Owner } from '../../src/core/owner';
import { queryAllRecords } from './query-all-records';
import { sameSalesforceId } from './salesforce-id';

interface UserRecord extends Record<string, unknown> {
  Id: string;
  Name: string | null;
  Email: string | null;
  IsActive: boolean;
  UserRole: { Name: string | null } | null;
}

/**
 * Active users as owners. Teams come from the user's role: through `roleTeams` (role name → team,
 * for orgs whose roles are not named after their sales teams), else the role name itself.
 * Accord's own integration user owns nothing it routes, so it is left out.
 */
export async function listSalesforceOwners(
  connection: Connection,
  integrationUserId: string | null,
  roleTeams: ReadonlyMap<string, string>,
): Promise<Owner[]> {
  const { records } = await queryAllRecords<UserRecord>(
    connection,
    'SELECT Id, Name, Email, IsActive, UserRole.Name FROM User WHERE IsActive = true ORDER BY Id',
  );
  return records
    .filter((user) => !sameSalesforceId(user.Id, integrationUserId))
    .map((user) => {
      const role = user.UserRole?.Name?.trim() || null;
      const team = role === null ? null : (teamOf(role, roleTeams) ?? role);
      return {
        id: user.Id,
        name: user.Name?.trim() || user.Email || user.Id,
        email: user.Email || null,
        teams: team === null ? [] : [team],
        available: user.IsActive === true,
      };
    });
}

function teamOf(role: string, roleTeams: ReadonlyMap<string, string>): string | undefined {
  const wanted = role.toLowerCase();
  for (const [name, team] of roleTeams) if (name.trim().toLowerCase() === wanted) return team;
  return undefined;
}
