import type { CalibrationJobRecord } from '../../../src/store/calibration-job-records';
import { at, tenantA, tenantAOnSalesforce, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

function queued(id: string): CalibrationJobRecord {
  return {
    id,
    status: 'queued',
    phase: null,
    outcomesRead: 0,
    holdout: 0.2,
    requestedBy: '9001 <maria@example.com>',
    createdAt: at(0),
    updatedAt: at(0),
    startedAt: null,
    finishedAt: null,
    draftId: null,
    summary: null,
    error: null,
    errorCode: null,
  };
}

export function describeCalibrationJobsContract(makeStore: MakeStore): void {
  describe('calibration jobs', () => {
    const store = useFreshStore(makeStore);

    it('keeps a job through its progress to the draft and summary it ends with, per tenant', async () => {
      await store().createCalibrationJob(tenantA, queued('cal_1'));
      expect(await store().getCalibrationJob(tenantA, 'cal_1')).toEqual(queued('cal_1'));
      expect(await store().getCalibrationJob(tenantB, 'cal_1')).toBeNull();
      expect(await store().getCalibrationJob(tenantAOnSalesforce, 'cal_1')).toBeNull();

      await store().updateCalibrationJob(tenantA, 'cal_1', { status: 'running', phase: 'reading', startedAt: at(1), updatedAt: at(1) });
      await store().updateCalibrationJob(tenantA, 'cal_1', { outcomesRead: 1200, updatedAt: at(2) });
      const summary = { outcomes: 1200, holdout: { learned: { auc: 0.81 } }, leakyFields: ['lifecyclestage'] };
      await store().updateCalibrationJob(tenantA, 'cal_1', { status: 'succeeded', phase: null, draftId: 7, summary, finishedAt: at(3), updatedAt: at(3) });
      expect(await store().getCalibrationJob(tenantA, 'cal_1')).toEqual({
        ...queued('cal_1'),
        status: 'succeeded',
        outcomesRead: 1200,
        startedAt: at(1),
        updatedAt: at(3),
        finishedAt: at(3),
        draftId: 7,
        summary,
      });
    });

    it('records a failure with its code, and refuses to update a job it does not hold', async () => {
      await store().createCalibrationJob(tenantA, queued('cal_2'));
      await store().updateCalibrationJob(tenantA, 'cal_2', { status: 'failed', error: 'too few outcomes', errorCode: 'not_enough_outcomes', finishedAt: at(1) });
      expect(await store().getCalibrationJob(tenantA, 'cal_2')).toMatchObject({ status: 'failed', error: 'too few outcomes', errorCode: 'not_enough_outcomes', finishedAt: at(1) });
      await expect(store().updateCalibrationJob(tenantB, 'cal_2', { status: 'running' })).rejects.toThrow(/does not exist/);
      expect((await store().getCalibrationJob(tenantA, 'cal_2'))?.status).toBe('failed');
    });
  });
}
