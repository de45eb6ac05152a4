import type { ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import type { Stage } from '../core/stage';

/** SQLite hands back times as the ISO text stored, Postgres as Date; both become ISO strings. */
type Time = string | Date;

function iso(value: Time): string {
  return typeof value === 'string' ? value : value.toISOString();
}

export interface ShadowRunRow {
  id: number | string;
  definition_id: number | string;
  started_at: Time;
  ends_at: Time;
  stopped_at: Time | null;
  started_by: string;
}

export interface ShadowDecisionRow {
  record_id: string;
  score: number;
  stage: string;
  probability: number | null;
  why: string;
  live_score: number;
  live_stage: string;
  live_probability: number | null;
  live_why: string;
  live_version: number;
  decided_at: Time;
}

export const shadowRunColumns = 'id, definition_id, started_at, ends_at, stopped_at, started_by';
export const shadowDecisionColumns =
  'record_id, score, stage, probability, why, live_score, live_stage, live_probability, live_why, live_version, decided_at';

export function toShadowRun(row: ShadowRunRow): ShadowRun {
  return {
    id: Number(row.id),
    definitionId: Number(row.definition_id),
    startedAt: iso(row.started_at),
    endsAt: iso(row.ends_at),
    stoppedAt: row.stopped_at === null ? null : iso(row.stopped_at),
    startedBy: row.started_by,
  };
}

export function toShadowDecision(row: ShadowDecisionRow): ShadowDecision {
  return {
    recordId: row.record_id,
    candidate: { score: row.score, stage: row.stage as Stage, probability: row.probability, why: row.why },
    live: { score: row.live_score, stage: row.live_stage as Stage, probability: row.live_probability, why: row.live_why, definitionVersion: row.live_version },
    decidedAt: iso(row.decided_at),
  };
}

/** The row's values in `shadowDecisionColumns` order, after crm, tenant_id and run_id. */
export function shadowDecisionValues(d: ShadowDecision, decidedAt: string): unknown[] {
  const { candidate: c, live: l } = d;
  return [d.recordId, c.score, c.stage, c.probability, c.why, l.score, l.stage, l.probability, l.why, l.definitionVersion, decidedAt];
}
