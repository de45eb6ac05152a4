import type { Connection } from 'jsforce';

/** Hard stop for a paging loop whose locator never ends: 500 pages of 2,000 records. */
const maxPages = 500;

/**
 * Every record a SOQL query returns, following `nextRecordsUrl` page by page. Stops early once
 * `maxRecords` are in hand (the caller then knows more are waiting).
 */
export async function queryAllRecords<T extends Record<string, unknown>>(
  connection: Connection,
  soql: string,
  maxRecords = Number.POSITIVE_INFINITY,
): Promise<{ records: T[]; done: boolean }> {
  // GET /services/data/vXX.X/query?q=…
  let page = await connection.query<T>(soql);
  const records: T[] = [...page.records];
  for (let pages = 1; !page.done && page.nextRecordsUrl && records.length < maxRecords && pages < maxPages; pages += 1) {
    // GET /services/data/vXX.X/query/{locator}
    page = await connection.queryMore<T>(page.nextRecordsUrl);
    records.push(...page.records);
  }
  return { records, done: page.done };
}
