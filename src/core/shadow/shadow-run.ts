import type { Stage } from '../stage';

/** A candidate definition (a saved draft) scoring alongside the live one for a while, never written to the CRM. */
export interface ShadowRun {
  id: number;
  /** The definitions row (a draft) the candidate was read from. */
  definitionId: number;
  startedAt: string;
  endsAt: string;
  /** Set when someone ended the run before `endsAt`. */
  stoppedAt: string | null;
  startedBy: string;
}

export type NewShadowRun = Omit<ShadowRun, 'id' | 'stoppedAt'>;

/** What one definition called a lead, from the lead's own data, before sales had their say. */
export interface ShadowCall {
  score: number;
  stage: Stage;
  /** The definition's calibrated probability for the score; null when it has no calibration. */
  probability: number | null;
  why: string;
}

/**
 * One record under one shadow run: the candidate's call and the live definition's call on the same
 * lead read, in the same worker pass. Latest per record and run.
 */
export interface ShadowDecision {
  recordId: string;
  candidate: ShadowCall;
  live: ShadowCall & { definitionVersion: number };
  decidedAt: string;
}
