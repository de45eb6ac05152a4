import { calibrateOffThread } from '../../calibration-io/calibrate-off-thread';
import { crmCandidateFields } from '../../calibration-io/crm-candidate-fields';
import { CrmOutcomeSourceError, readCrmOutcomeRows } from '../../calibration-io/crm-outcome-rows';
import { CrmRateLimitedError, CrmUnavailableError } from '../../core/crm-adapter';
import type { TenantRef } from '../../core/lead';
import type { CalibrationJobRecord } from '../../store/calibration-job-records';
import type { Actor } from './actor';
import { actorToText } from './actor';
import { calibrationHeadline } from './calibration-headline';
import type { CrmApiDeps } from './crm-api-deps';
import { liveDefinition } from './live-definition';

/** Fewer outcomes than this (or only one kind) teach nothing worth a draft. */
export const minOutcomes = 20;

/** A failure the page shows as is, with the API's code for it. */
class CalibrationRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a queued calibration: reads the tenant's outcomes from its CRM (progress: outcomes read),
 * learns a definition from them against the live one (the same `calibrateFromOutcomes` as
 * `accord calibrate`, in a worker thread), saves it as a draft by the actor who asked, and records the report's headline.
 * Never throws: a failure is recorded on the job.
 */
export async function runCalibrationJob(deps: Pick<CrmApiDeps, 'store' | 'runtime' | 'clock' | 'logger'>, tenant: TenantRef, job: CalibrationJobRecord, actor: Actor): Promise<void> {
  const { store, clock } = deps;
  const now = () => new Date(clock.now()).toISOString();
  try {
    await store.updateCalibrationJob(tenant, job.id, { status: 'running', phase: 'reading', startedAt: now(), updatedAt: now() });
    let rows;
    try {
      rows = await readCrmOutcomeRows(deps, tenant, {}, (outcomesRead) => store.updateCalibrationJob(tenant, job.id, { outcomesRead, updatedAt: now() }));
    } catch (error) {
      if (error instanceof CrmOutcomeSourceError) throw new CalibrationRefused('internal', error.message);
      if (error instanceof CrmUnavailableError || error instanceof CrmRateLimitedError) {
        throw new CalibrationRefused('unavailable', `the ${tenant.crm} API could not be read just now (${error.message}); try again in a few minutes`);
      }
      throw error;
    }
    const converted = rows.filter((r) => r.converted).length;
    if (rows.length < minOutcomes || converted === 0 || converted === rows.length) {
      throw new CalibrationRefused(
        'not_enough_outcomes',
        `the CRM holds ${rows.length} leads with a known outcome (${converted} won); learning needs at least ${minOutcomes}, some won and some lost`,
      );
    }
    await store.updateCalibrationJob(tenant, job.id, { phase: 'learning', outcomesRead: rows.length, updatedAt: now() });
    const live = await liveDefinition(store, tenant);
    // Off the event loop: seconds of learning must not hold up webhook acks on this server.
    const report = await calibrateOffThread(rows, {
      current: live.definition,
      candidates: crmCandidateFields(tenant.crm),
      now: new Date(clock.now()),
      ...(job.holdout === null ? {} : { holdoutShare: job.holdout }),
    });
    const at = now();
    const draft = await store.saveDraft(tenant, { ...report.draft.definition, version: live.version }, actorToText(actor), at);
    const summary = calibrationHeadline(report);
    await store.updateCalibrationJob(tenant, job.id, { status: 'succeeded', phase: null, draftId: draft.id, summary, finishedAt: at, updatedAt: at });
    await store.appendAudit([
      {
        tenant,
        at,
        actor: actor.id,
        action: 'definition.calibrated',
        recordId: null,
        detail: { calibrationId: job.id, draftId: draft.id, basedOnVersion: live.version, outcomes: summary.outcomes, converted: summary.converted, leakyFields: summary.leakyFields },
      },
    ]);
  } catch (error) {
    const refused = error instanceof CalibrationRefused;
    const message = refused ? error.message : 'calibration failed; see the server log';
    deps.logger.error({ crm: tenant.crm, tenant: tenant.tenantId, calibrationId: job.id, err: (error as Error).message }, 'calibration failed');
    await store
      .updateCalibrationJob(tenant, job.id, { status: 'failed', phase: null, error: message, errorCode: refused ? error.code : 'internal', finishedAt: now(), updatedAt: now() })
      .catch(() => undefined);
  }
}
