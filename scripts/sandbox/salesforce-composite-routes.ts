import type { Router } from 'express';
import { z } from 'zod';
import { SalesforceApiError } from './salesforce-api-error';
import { apiVersionOf } from './salesforce-api-version';
import { callingUser } from './salesforce-auth-guard';
import { SalesforceRecordRejected, type SalesforceRecordError } from './salesforce-record-error';
import type { SalesforceRouteContext } from './salesforce-route-context';
import { withAssignmentRule } from './salesforce-write-input';

const maxRecords = 200;
const collectionBody = z.looseObject({
  allOrNone: z.boolean().optional(),
  records: z.array(z.looseObject({ attributes: z.looseObject({ type: z.string() }).optional() })),
});

type SaveResult = { id: string; success: true; errors: [] } | { success: false; errors: SalesforceRecordError[] };

const rolledBack: SalesforceRecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

/**
 * sObject Collections: `PATCH /services/data/vXX.X/composite/sobjects` updates and `POST` creates up to
 * 200 records, answering one save result per record in request order. With allOrNone false each record
 * stands alone; with true, one bad record rolls back all of them.
 */
export function registerSalesforceCompositeRoutes(router: Router, ctx: SalesforceRouteContext): void {
  const parse = (body: unknown) => {
    const parsed = collectionBody.safeParse(body);
    if (!parsed.success) throw new SalesforceApiError(400, 'JSON_PARSER_ERROR', `Cannot deserialize the request: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    if (parsed.data.records.length > maxRecords) throw new SalesforceApiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${maxRecords} records into this call`);
    return parsed.data;
  };
  const typeError = (record: { attributes?: { type: string } }): SalesforceRecordError | null =>
    record.attributes?.type === 'Lead' ? null : { statusCode: 'INVALID_TYPE', message: `sObject type '${record.attributes?.type ?? ''}' is not supported in the sandbox`, fields: [] };

  router.patch('/services/data/:version/composite/sobjects', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    const body = parse(req.body);
    const userId = callingUser(res.locals);
    const inputs = body.records.map((record) => {
      const { attributes: _attributes, id, Id, ...fields } = record as Record<string, unknown>;
      return { record, id: typeof id === 'string' ? id : typeof Id === 'string' ? Id : '', fields: withAssignmentRule(req, ctx, fields) };
    });
    if (body.allOrNone) {
      const errors = inputs.map((input) => {
        const wrongType = typeError(input.record);
        return wrongType ? [wrongType] : ctx.state.leads.updateErrors(input.id, input.fields);
      });
      if (errors.some((list) => list.length > 0)) {
        res.json(errors.map((list): SaveResult => ({ success: false, errors: list.length > 0 ? list : [rolledBack] })));
        return;
      }
    }
    res.json(
      inputs.map((input): SaveResult => {
        const wrongType = typeError(input.record);
        if (wrongType) return { success: false, errors: [wrongType] };
        return save(() => String(ctx.state.leads.update(input.id, input.fields, userId).Id));
      }),
    );
  });

  router.post('/services/data/:version/composite/sobjects', ...ctx.guards, (req, res) => {
    apiVersionOf(req);
    const body = parse(req.body);
    const userId = callingUser(res.locals);
    res.json(
      body.records.map((record): SaveResult => {
        const wrongType = typeError(record);
        if (wrongType) return { success: false, errors: [wrongType] };
        const { attributes: _attributes, ...fields } = record as Record<string, unknown>;
        return save(() => String(ctx.state.leads.create(withAssignmentRule(req, ctx, fields), userId).Id));
      }),
    );
  });
}

function save(write: () => string): SaveResult {
  try {
    return { id: write(), success: true, errors: [] };
  } catch (error) {
    if (error instanceof SalesforceRecordRejected) return { success: false, errors: error.errors };
    throw error;
  }
}
