import type { Connection } from 'jsforce';

const soql = 'SELECT Id FROM Lead WHERE IsConverted = false ORDER BY Id';

/**
 * One page of open (not converted) lead ids; the cursor is Salesforce's query locator
 * (`nextRecordsUrl`), so later pages continue the same server-side result set.
 */
export async function listOpenLeadIds(connection: Connection, after: string | null): Promise<{ ids: string[]; after: string | null }> {
  const page =
    after === null
      ? // GET /services/data/vXX.X/query?q=SELECT Id FROM Lead WHERE IsConverted = false ORDER BY Id
        await connection.query<{ Id: string }>(soql)
      : // GET /services/data/vXX.X/query/{locator}
        await connection.queryMore<{ Id: string }>(after);
  return { ids: page.records.map((r) => r.Id), after: page.done ? null : (page.nextRecordsUrl ?? null) };
}
