/** `SALESFORCE_ROLE_TEAMS` (`Role name=Team;Other role=Team`) as role name → team; blank parts are ignored. */
export function parseRoleTeams(text: string | undefined): Map<string, string> {
  const teams = new Map<string, string>();
  for (const pair of (text ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const role = pair.slice(0, at).trim();
    const team = pair.slice(at + 1).trim();
    if (role !== '' && team !== '') teams.set(role, team);
  }
  return teams;
}
