import type { RequestHandler } from 'express';
import { callCrm } from '../../pipeline/call-crm';
import { ApiError } from './api-error';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { rejectionRequestSchema } from './crm-api-request-schemas';
import { parseBody } from './parse-body';
import { parseRecordId } from './record-id';
import { buildRecordView } from './record-view';

/** GET /api/{crm}/records/{recordId}: the decision view; a record never decided is a 200 with `decision: null`. */
export function getRecordHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    const recordId = parseRecordId(tenant.crm, String(req.params.recordId));
    res.json(await buildRecordView(deps.store, tenant, recordId, new Date(deps.clock.now())));
  };
}

/**
 * POST /api/{crm}/records/{recordId}/rejection: sets the rep fields on the CRM record (so the CRM shows
 * them and the next decision reads them), keeps who sent it, and queues a re-decision: the worker
 * then moves the lead to nurture and records the feedback. Repeating the same rejection is a no-op.
 */
export function rejectRecordHandler(deps: CrmApiDeps): RequestHandler {
  return async (req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const recordId = parseRecordId(tenant.crm, String(req.params.recordId));
    const body = parseBody(rejectionRequestSchema, res.locals.body, 'invalid_rejection', 'rejection');
    const note = body.note?.trim() || null;
    const now = new Date(deps.clock.now());

    const view = await buildRecordView(deps.store, tenant, recordId, now);
    if (view.decision === null) throw new ApiError(404, 'record_not_found', 'Accord has not decided on this record yet');
    if (view.rejection) {
      const same = view.rejection.rejectedBy?.id === actor.id && view.rejection.reason === body.reason && view.rejection.note === note;
      if (same) {
        res.json(view);
        return;
      }
      throw new ApiError(409, 'not_rejectable', 'this lead was already sent back to marketing');
    }
    if (!view.canReject) throw new ApiError(409, 'not_rejectable', `this lead is not with sales (stage ${view.decision.stage})`);

    const record = await deps.store.getTenant(tenant);
    if (!record) throw new ApiError(403, 'not_installed', 'Accord is not installed in this account');
    const adapter = deps.runtime.adapterFor(tenant.crm);
    if (!adapter.writeRejection) throw new ApiError(503, 'unavailable', `the ${tenant.crm} connection cannot write rejections`);
    const write = adapter.writeRejection.bind(adapter);
    try {
      const connection = deps.runtime.connectionFor(record);
      await callCrm(deps.runtime.limiterFor(tenant), deps.clock, 'writeRejection', () => write(connection, recordId, { reason: body.reason, note }));
    } catch (error) {
      deps.logger.warn({ crm: tenant.crm, tenant: tenant.tenantId, err: (error as Error).message }, 'rejection not written to the CRM');
      throw new ApiError(503, 'unavailable', 'the CRM did not take the rejection; nothing was changed, try again');
    }

    const rejectedAt = now.toISOString();
    await deps.store.saveRecordRejection(tenant, { recordId, reason: body.reason, note, actorId: actor.id, actorEmail: actor.email, rejectedAt });
    await deps.store.enqueueEvents(
      [{ ...tenant, recordId, kind: 'changed', changedFields: ['accord_rejection_reason'], occurredAt: rejectedAt, dedupeKey: `rejection:${tenant.crm}:${tenant.tenantId}:${recordId}:${rejectedAt}`, ownWrite: false }],
      rejectedAt,
    );
    await deps.store.appendAudit([{ tenant, at: rejectedAt, actor: actor.id, action: 'lead.rejected', recordId, detail: { reason: body.reason, stage: view.decision.stage } }]);
    res.json(await buildRecordView(deps.store, tenant, recordId, now));
  };
}
