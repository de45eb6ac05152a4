import { randomBytes } from 'node:crypto';

interface OpenQuery {
  records: Array<Record<string, unknown>>;
  batchSize: number;
}

// Salesforce lets a user keep 10 query cursors open; older ones are dropped.
const maxOpenQueries = 10;

/** Query results waiting to be paged through `GET …/query/{locator}` (locator = `<cursor id>-<offset>`). */
export class SalesforceQueryLocators {
  private readonly open = new Map<string, OpenQuery>();

  /** The first page, and the locator of the next one when there is more. */
  firstPage(records: Array<Record<string, unknown>>, batchSize: number): { records: Array<Record<string, unknown>>; next: string | null } {
    if (records.length <= batchSize) return { records, next: null };
    const cursor = `01g${randomBytes(8).toString('hex')}`;
    this.open.set(cursor, { records, batchSize });
    while (this.open.size > maxOpenQueries) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    return { records: records.slice(0, batchSize), next: `${cursor}-${batchSize}` };
  }

  /** The page a locator names; null for an unknown or spent locator. */
  page(locator: string): { records: Array<Record<string, unknown>>; next: string | null; totalSize: number } | null {
    const match = /^(01g[0-9a-f]+)-(\d+)$/.exec(locator);
    const query = match ? this.open.get(match[1] ?? '') : undefined;
    if (!match || !query) return null;
    const offset = Number(match[2]);
    const end = offset + query.batchSize;
    const records = query.records.slice(offset, end);
    if (end >= query.records.length) this.open.delete(match[1] ?? '');
    return { records, next: end < query.records.length ? `${match[1]}-${end}` : null, totalSize: query.records.length };
  }

  clear(): void {
    this.open.clear();
  }
}
