import type { Request, Router } from 'express';
import { evaluateSoql } from './evaluate-soql';
import { parseSoql } from './parse-soql';
import { SalesforceApiError } from './salesforce-api-error';
import { apiVersionOf, sobjectUrl } from './salesforce-api-version';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { salesforceSoqlTables } from './salesforce-soql-tables';

/** `Sforce-Query-Options: batchSize=N` asks for smaller pages (200 to 2,000). */
function batchSizeOf(req: Request, fallback: number): number {
  const asked = /batchSize=(\d+)/i.exec(req.get('sforce-query-options') ?? '')?.[1];
  return asked === undefined ? fallback : Math.min(2000, Math.max(200, Number(asked)));
}

/** GET /services/data/vXX.X/query?q=SOQL and GET …/query/{locator}: SOQL over the org's records, paged. */
export function registerSalesforceQueryRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const tables = salesforceSoqlTables(ctx.state);

  router.get('/services/data/:version/query', ...ctx.guards, (req, res) => {
    const version = apiVersionOf(req);
    const soql = req.query.q;
    if (typeof soql !== 'string' || soql.trim() === '') throw new SalesforceApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const { records } = evaluateSoql(parseSoql(soql), tables, sobjectUrl(version));
    const page = ctx.locators.firstPage(records, batchSizeOf(req, ctx.queryBatchSize));
    res.json({
      totalSize: records.length,
      done: page.next === null,
      ...(page.next ? { nextRecordsUrl: `/services/data/${version}/query/${page.next}` } : {}),
      records: page.records,
    });
  });

  router.get('/services/data/:version/query/:locator', ...ctx.guards, (req, res) => {
    const version = apiVersionOf(req);
    const page = ctx.locators.page(String(req.params.locator));
    if (!page) throw new SalesforceApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    res.json({
      totalSize: page.totalSize,
      done: page.next === null,
      ...(page.next ? { nextRecordsUrl: `/services/data/${version}/query/${page.next}` } : {}),
      records: page.records,
    });
  });
}
