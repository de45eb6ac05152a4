import type { ShadowRun } from './shadow-run';

export type ShadowRunStatus = 'scheduled' | 'active' | 'stopped' | 'ended';

/** Where a run stands at `now`: only an active run decides leads. */
export function shadowRunStatus(run: Pick<ShadowRun, 'startedAt' | 'endsAt' | 'stoppedAt'>, now: Date): ShadowRunStatus {
  const at = now.getTime();
  if (run.stoppedAt !== null && Date.parse(run.stoppedAt) <= at) return 'stopped';
  if (Date.parse(run.endsAt) <= at) return 'ended';
  if (Date.parse(run.startedAt) > at) return 'scheduled';
  return 'active';
}
