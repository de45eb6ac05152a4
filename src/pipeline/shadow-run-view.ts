import { shadowRunStatus, type ShadowRunStatus } from '../core/shadow/shadow-run-status';
import type { ShadowRun } from '../core/shadow/shadow-run';

export interface ShadowRunView {
  id: number;
  draftId: number;
  candidateName: string | null;
  status: ShadowRunStatus;
  startedAt: string;
  endsAt: string;
  stoppedAt: string | null;
  startedBy: string;
}

/** A run as the CLI and the settings page show it: with its status now and the candidate's name. */
export function shadowRunView(run: ShadowRun, candidateName: string | null, now: Date): ShadowRunView {
  return {
    id: run.id,
    draftId: run.definitionId,
    candidateName,
    status: shadowRunStatus(run, now),
    startedAt: run.startedAt,
    endsAt: run.endsAt,
    stoppedAt: run.stoppedAt,
    startedBy: run.startedBy,
  };
}
